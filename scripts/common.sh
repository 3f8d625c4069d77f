# Sourced by the scripts at the root of the repository: stops with one line saying what to install when Java 17+,
# Maven or Node.js 18+ with npm is missing, and offers `build`. Messages go to standard error.
need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "$script_name: $1 is missing. Install $2, then run $script_name again." >&2
    exit 2
  fi
}
script_name=$(basename "$0")
need java "a JDK 17 or newer (for example from https://adoptium.net)"
need mvn "Apache Maven 3.8.1 or newer (https://maven.apache.org/install.html)"
need node "Node.js 18 or newer with npm (https://nodejs.org); it runs the local Kinesis endpoint"
need npm "npm, which comes with Node.js (https://nodejs.org)"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
if [ "${java_major%%.*}" -lt 17 ]; then
  echo "$script_name: Java $java_major found; Kinlog needs Java 17 or newer." >&2
  exit 2
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 18 ]; then
  echo "$script_name: Node.js $node_major found; the local Kinesis endpoint needs Node.js 18 or newer." >&2
  exit 2
fi

# Runs Maven with the given arguments, showing its output only if it fails (a quiet Maven still writes terminal
# escape codes, which would end up in piped or redirected output).
build() {
  local log
  log=$(mktemp)
  if ! mvn --batch-mode --quiet "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "$script_name: the build failed (mvn $*); its output is above." >&2
    exit 1
  fi
  rm -f "$log"
}
