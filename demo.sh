#!/usr/bin/env bash
# The end-to-end demo on this machine, no AWS account needed: a web shop logs through Kinlog's Log4j2
# appender into a local Kinesis endpoint (kinesis-mock), a local warehouse (DuckDB) follows the stream
# the way Redshift streaming ingestion does, and a dashboard refreshes in the terminal.
#   ./demo.sh [--seconds N] [--rate EVENTS_PER_SECOND] [--shards N] [--jdbc jdbc:postgresql://...]
set -euo pipefail
cd "$(dirname "$0")"

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "demo: $1 is missing. Install $2, then run ./demo.sh again." >&2
    exit 2
  fi
}
need java "a JDK 17 or newer (for example from https://adoptium.net)"
need mvn "Apache Maven 3.8.1 or newer (https://maven.apache.org/install.html)"
need node "Node.js 18 or newer with npm (https://nodejs.org); it runs the local Kinesis endpoint"
need npm "npm, which comes with Node.js (https://nodejs.org)"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
if [ "${java_major%%.*}" -lt 17 ]; then
  echo "demo: Java $java_major found; Kinlog needs Java 17 or newer." >&2
  exit 2
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 18 ]; then
  echo "demo: Node.js $node_major found; the local Kinesis endpoint needs Node.js 18 or newer." >&2
  exit 2
fi

echo "[0/4] Building Kinlog and the samples (the first build downloads dependencies; a few minutes)..."
# -DskipITs as well: since Failsafe 3.6, -DskipTests no longer skips the integration tests.
mvn --batch-mode --quiet install -DskipTests -DskipITs -pl samples/local-warehouse -am

module=samples/local-warehouse
exec java -Dkinlog.demo.dir="$module/target/demo" \
  -cp "$module/target/classes:$(cat "$module/target/demo-classpath.txt")" \
  io.github.kinlog.samples.warehouse.Demo "$@"
