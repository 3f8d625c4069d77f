#!/usr/bin/env bash
# A Kinesis endpoint on this machine for trying Kinlog without an AWS account: kinesis-mock with one stream, every
# record that arrives printed on standard output, one per line (ready for the check command); the rest on standard
# error. Ctrl-C stops it.
#   ./local-kinesis.sh [--stream NAME] [--shards N] [--port N]
set -euo pipefail
cd "$(dirname "$0")"
. scripts/common.sh

module=local-kinesis
echo "Building the local endpoint (the first build downloads dependencies)..." >&2
build package -DskipTests -pl "$module" -am
exec java -Dkinlog.local.dir="$module/target/kinesis-mock" \
  -cp "$module/target/classes:$(cat "$module/target/classpath.txt")" \
  io.github.kinlog.local.LocalKinesis "$@"
