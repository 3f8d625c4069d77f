-- Is ingestion healthy? Queries on Redshift's system views for the streaming view kinlog_events_raw.

-- Recent refreshes of the streaming view, newest first, with their outcome.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/SYS_MV_REFRESH_HISTORY.html
SELECT start_time, end_time, duration, TRIM(status) AS status, TRIM(refresh_type) AS refresh_type
FROM sys_mv_refresh_history
WHERE TRIM(mv_name) = 'kinlog_events_raw'
ORDER BY start_time DESC
LIMIT 20;

-- The same on a provisioned cluster, which also keeps this older view.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/r_SVL_MV_REFRESH_STATUS.html
SELECT starttime, endtime, TRIM(status) AS status, TRIM(refresh_type) AS refresh_type
FROM svl_mv_refresh_status
WHERE TRIM(name) = 'kinlog_events_raw'
ORDER BY starttime DESC
LIMIT 20;

-- Per shard over the last hour: records read and skipped, and the newest arrival read.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/r_SYS_STREAM_SCAN_STATES.html
SELECT
    TRIM(partition_id) AS shard_id,
    MAX(record_time) AS last_scan,
    SUM(scanned_rows) AS scanned_rows,
    SUM(skipped_rows) AS skipped_rows,
    SUM(scanned_bytes) AS scanned_bytes,
    MAX(stream_record_time_max) AS newest_arrival_read
FROM sys_stream_scan_states
WHERE TRIM(mv_name) = 'kinlog_events_raw'
  AND record_time > GETDATE() - INTERVAL '1 hour'
GROUP BY 1
ORDER BY 1;

-- Records the refresh could not read, newest first.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/r_SYS_STREAM_SCAN_ERRORS.html
SELECT record_time, TRIM(partition_id) AS shard_id, TRIM(position) AS sequence_number, error_code, TRIM(error_reason) AS error_reason
FROM sys_stream_scan_errors
WHERE TRIM(mv_name) = 'kinlog_events_raw'
ORDER BY record_time DESC
LIMIT 50;

-- How far behind the stream the view is: the newest record ingested and its age.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/materialized-view-streaming-ingestion.html
SELECT
    MAX(approximate_arrival_timestamp) AS newest_arrival,
    DATEDIFF(second, MAX(approximate_arrival_timestamp), GETDATE()) AS seconds_behind,
    MAX(refresh_time) AS last_refresh
FROM kinlog_events_raw;
