#!/usr/bin/env bash
# The end-to-end demo on this machine, no AWS account needed: a web shop logs through Kinlog's Log4j2
# appender into a local Kinesis endpoint (kinesis-mock), a local warehouse (DuckDB) follows the stream
# the way Redshift streaming ingestion does, and a dashboard refreshes in the terminal.
#   ./demo.sh [--seconds N] [--rate EVENTS_PER_SECOND] [--shards N] [--jdbc jdbc:postgresql://...]
set -euo pipefail
cd "$(dirname "$0")"

. scripts/common.sh

echo "[0/4] Building Kinlog and the samples (the first build downloads dependencies; a few minutes)..."
build install -DskipTests -pl samples/local-warehouse -am

module=samples/local-warehouse
exec java -Dkinlog.demo.dir="$module/target/demo" \
  -cp "$module/target/classes:$(cat "$module/target/demo-classpath.txt")" \
  io.github.kinlog.samples.warehouse.Demo "$@"
