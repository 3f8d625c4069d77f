-- Are ingestion and the load healthy? Queries on Redshift's system views for the streaming view kinlog_events_raw,
-- and on the load log kinlog_load_log.

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

-- The load's health: when it last ran, how long ago, and how much is waiting in the streaming view (a growing
-- count or age means loads fail or fall behind).
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/r_SELECT_synopsis.html
SELECT
    (SELECT MAX(load_finished) FROM kinlog_load_log) AS last_load,
    DATEDIFF(second, (SELECT MAX(load_finished) FROM kinlog_load_log), GETDATE()) AS seconds_since_last_load,
    COUNT(*) AS records_waiting,
    MIN(approximate_arrival_timestamp) AS oldest_waiting,
    DATEDIFF(second, MIN(approximate_arrival_timestamp), GETDATE()) AS oldest_waiting_seconds
FROM kinlog_events_raw;

-- The loads of the last hour, newest first: records taken, events found in them, records with no event, events loaded,
-- copies skipped, time taken, and how far behind the newest record it loaded was.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/r_SELECT_synopsis.html
SELECT load_started, records, events_found, records_skipped, events_loaded, duplicates_skipped, events_expired,
    duration_ms, DATEDIFF(second, newest_arrival, load_finished) AS seconds_behind
FROM kinlog_load_log
WHERE load_started > GETDATE() - INTERVAL '1 hour'
ORDER BY load_started DESC;

-- Per hour over the last day: loads, events loaded, and records skipped as not Kinlog events (another producer
-- on the stream, or a record another encoder wrote).
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/r_DATE_TRUNC.html
SELECT DATE_TRUNC('hour', load_started) AS hour, COUNT(*) AS loads, SUM(events_loaded) AS events_loaded,
    SUM(duplicates_skipped) AS duplicates_skipped, SUM(records_skipped) AS records_skipped, MAX(duration_ms) AS slowest_load_ms
FROM kinlog_load_log
WHERE load_started > GETDATE() - INTERVAL '1 day'
GROUP BY 1
ORDER BY 1 DESC;

-- Loads that failed in the last day, with why (a failed load changes nothing and the next one takes its records).
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/SYS_QUERY_HISTORY.html
SELECT start_time, TRIM(status) AS status, TRIM(error_message) AS error_message
FROM sys_query_history
WHERE query_text ILIKE 'CALL kinlog_load(%'
  AND TRIM(status) IN ('failed', 'canceled')
  AND start_time > GETDATE() - INTERVAL '1 day'
ORDER BY start_time DESC
LIMIT 50;
