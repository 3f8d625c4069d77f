-- Kinlog events in Amazon Redshift: streaming ingestion from the Kinesis stream app-logs.
-- Generated for event schema version 1; regenerate it (see the README) rather than edit it.
-- Run the statements in order as a user who may create schemas and views.

-- 1. The external schema through which Redshift reads Kinesis streams, with the role it assumes to read them.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_EXTERNAL_SCHEMA.html
--       https://docs.aws.amazon.com/redshift/latest/dg/materialized-view-streaming-ingestion-getting-started.html
CREATE EXTERNAL SCHEMA IF NOT EXISTS kinlog_kinesis
FROM KINESIS
IAM_ROLE default;

-- 2. The streaming materialized view: one row per record, the event kept whole as SUPER. CAN_JSON_PARSE skips a record
--    that is not JSON instead of failing every refresh. Typed columns live in the next view: navigating SUPER inside a
--    streaming view is refused. Sorted by arrival time, which suits time-range queries.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/materialized-view-streaming-ingestion-getting-started.html
--       https://docs.aws.amazon.com/redshift/latest/dg/materialized-view-streaming-ingestion-example-station-data.html
--       https://docs.aws.amazon.com/redshift/latest/dg/CAN_JSON_PARSE.html
CREATE MATERIALIZED VIEW kinlog_events_raw
SORTKEY (approximate_arrival_timestamp)
AUTO REFRESH YES
AS
SELECT
    approximate_arrival_timestamp,
    partition_key,
    shard_id,
    sequence_number,
    refresh_time,
    JSON_PARSE(kinesis_data) AS payload
FROM kinlog_kinesis."app-logs"
WHERE CAN_JSON_PARSE(kinesis_data);

-- 3. The typed view: a column per event field. ts is ISO-8601 UTC with microseconds (2026-11-24T04:11:51.555123Z), a form
--    Redshift converts to TIMESTAMP itself. A cast from SUPER that fails gives NULL, never an error; mdc, fields
--    and the other objects stay SUPER.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/automatic-recognition.html
--       https://docs.aws.amazon.com/redshift/latest/dg/limitations-super.html
--       https://docs.aws.amazon.com/redshift/latest/dg/query-super.html
CREATE OR REPLACE VIEW kinlog_events AS
SELECT
    approximate_arrival_timestamp,
    partition_key,
    shard_id,
    sequence_number,
    refresh_time,
    CAST(payload."ts" AS TIMESTAMP) AS ts,
    CAST(payload."level" AS VARCHAR(65535)) AS level,
    CAST(payload."logger" AS VARCHAR(65535)) AS logger,
    CAST(payload."thread" AS VARCHAR(65535)) AS thread,
    CAST(payload."message" AS VARCHAR(65535)) AS message,
    CAST(payload."service" AS VARCHAR(65535)) AS service,
    CAST(payload."env" AS VARCHAR(65535)) AS env,
    CAST(payload."host" AS VARCHAR(65535)) AS host,
    CAST(payload."pid" AS BIGINT) AS pid,
    CAST(payload."seq" AS BIGINT) AS seq,
    CAST(payload."event_id" AS VARCHAR(36)) AS event_id,
    CAST(payload."schema_version" AS INTEGER) AS schema_version,
    payload."mdc" AS mdc,
    payload."fields" AS fields,
    payload."markers" AS markers,
    payload."ndc" AS ndc,
    CAST(payload."error"."type" AS VARCHAR(65535)) AS error_type,
    CAST(payload."error"."message" AS VARCHAR(65535)) AS error_message,
    CAST(payload."error"."stack" AS VARCHAR(65535)) AS error_stack,
    payload."source" AS source,
    payload."truncated" AS truncated
FROM kinlog_events_raw;

-- 4. One row per event. Delivery is at least once, so a retried request can land an event twice; this keeps its earliest arrival.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/r_WF_ROW_NUMBER.html
CREATE OR REPLACE VIEW kinlog_events_unique AS
SELECT
    approximate_arrival_timestamp,
    partition_key,
    shard_id,
    sequence_number,
    refresh_time,
    ts,
    level,
    logger,
    thread,
    message,
    service,
    env,
    host,
    pid,
    seq,
    event_id,
    schema_version,
    mdc,
    fields,
    markers,
    ndc,
    error_type,
    error_message,
    error_stack,
    source,
    truncated
FROM (
    SELECT
        *,
        ROW_NUMBER() OVER (
            PARTITION BY event_id
            ORDER BY approximate_arrival_timestamp, shard_id, sequence_number) AS copy_number
    FROM kinlog_events
) AS numbered
WHERE copy_number = 1;
