-- Kinlog events in Amazon Redshift: streaming ingestion from the Kinesis stream app-logs.
-- Generated for event schema version 1; regenerate it (see the README) rather than edit it.
-- Run the statements in order as a user who may create schemas, tables, views and procedures.

-- 1. The external schema through which Redshift reads Kinesis streams, with the role it assumes to read them.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_EXTERNAL_SCHEMA.html
--       https://docs.aws.amazon.com/redshift/latest/dg/materialized-view-streaming-ingestion-getting-started.html
CREATE EXTERNAL SCHEMA IF NOT EXISTS kinlog_kinesis
FROM KINESIS
IAM_ROLE default;

-- 2. The streaming materialized view, where records land: one row per record, the event kept whole as SUPER.
--    CAN_JSON_PARSE skips a record that is not JSON instead of failing every refresh. Sorted by arrival time.
--    A packed record (a JSON array of events) stays one row here; the load and the live view unnest it.
--    The load (02-events-table.sql) moves what arrives into the table and deletes it here, which keeps this view small.
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
