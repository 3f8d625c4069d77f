#!/usr/bin/env bash
# Rehearses a release: builds the Maven Central bundle exactly as `mvn -Prelease deploy` would, without uploading
# it, then checks that it holds what Central requires for every published artifact.
#
#   release/dry-run.sh [--sign] [--offline] [extra Maven options, such as -Dmaven.repo.local=...]
#
# The Central plugin bundles release versions only (it stages a -SNAPSHOT elsewhere), so this runs in a copy of
# the working tree under target/release-dry-run with -SNAPSHOT dropped from the version. Nothing is installed into
# the local repository (a local 0.1.0 would later shadow the real one from Central), and tests are skipped: `mvn
# verify` runs them. Without --sign, artifacts are not signed (-Dgpg.skip); with it, GPG signs them with your
# default key, as the real release does, and every file must come with its .asc.
#
# --offline builds from the local repository alone, without network. Not with Maven's -o: offline, the Central plugin
# skips its goal ("requires online mode") and makes no bundle. Instead every repository is mirrored to the local
# repository itself, so anything missing there fails the build instead of being downloaded. Run once without it first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

sign=false
offline=false
while [ $# -gt 0 ]; do
  case "$1" in
    --sign) sign=true; shift ;;
    --offline) offline=true; shift ;;
    *) break ;;
  esac
done

snapshot=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)
version=${snapshot%-SNAPSHOT}
work="$root/target/release-dry-run"
echo "Release dry run of Kinlog $version in $work"

rm -rf "$work"
mkdir -p "$work"
# The files git tracks, as they are in the working tree (uncommitted edits included).
(cd "$root" && git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' file; do
    if [ -f "$file" ]; then cp --parents "$file" "$work/"; fi
  done)
# Our own version is the only <version> with this value in any POM.
find "$work" -name pom.xml -exec sed -i "s:<version>$snapshot</version>:<version>$version</version>:g" {} +

options=(-Prelease -DskipUpload -Dmaven.install.skip -DskipTests -DskipITs)
if [ "$sign" = false ]; then options+=(-Dgpg.skip); fi
if [ "$offline" = true ]; then
  repository="$HOME/.m2/repository"
  for option in "$@"; do
    case "$option" in -Dmaven.repo.local=*) repository=${option#-Dmaven.repo.local=} ;; esac
  done
  # Named "central", the id the local repository recorded its downloads under, so it takes them as they are.
  cat > "$work/offline-settings.xml" <<SETTINGS
<settings>
  <mirrors>
    <mirror>
      <id>central</id>
      <mirrorOf>*</mirrorOf>
      <url>file://$(cd "$repository" && pwd)</url>
    </mirror>
  </mirrors>
</settings>
SETTINGS
  options+=(--settings "$work/offline-settings.xml")
fi
mvn --batch-mode -f "$work/pom.xml" "${options[@]}" deploy "$@"

bundle="$work/target/central-publishing/central-bundle.zip"
check=(java "$root/release-check/src/test/java/io/github/kinlog/releasecheck/PublishedArtifacts.java" "$bundle" "$version")
if [ "$sign" = true ]; then check+=(--signed); fi
"${check[@]}"
