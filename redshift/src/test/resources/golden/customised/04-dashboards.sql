-- Dashboard queries over analytics.orders_live: the table and what has arrived since the last load, one row per event.
-- Every query filters on ts, the table's sort key, so it reads only its time range however long the history. Times are UTC.

-- Events per minute by level, last hour.
SELECT DATE_TRUNC('minute', ts) AS minute, level, COUNT(*) AS events
FROM analytics.orders_live
WHERE ts > GETDATE() - INTERVAL '1 hour'
GROUP BY 1, 2
ORDER BY 1, 2;

-- Error rate by service, last hour: the share of events at ERROR or FATAL.
SELECT
    COALESCE(service, '(none)') AS service,
    COUNT(*) AS events,
    SUM(CASE WHEN level IN ('ERROR', 'FATAL') THEN 1 ELSE 0 END) AS errors,
    ROUND(100.0 * SUM(CASE WHEN level IN ('ERROR', 'FATAL') THEN 1 ELSE 0 END) / COUNT(*), 2) AS error_percent
FROM analytics.orders_live
WHERE ts > GETDATE() - INTERVAL '1 hour'
GROUP BY 1
ORDER BY error_percent DESC, events DESC;

-- Loggers with the most errors, last 24 hours, and how many exception types they threw.
SELECT logger, COUNT(*) AS errors, COUNT(DISTINCT error_type) AS error_types, MAX(ts) AS last_error
FROM analytics.orders_live
WHERE level IN ('ERROR', 'FATAL')
  AND ts > GETDATE() - INTERVAL '24 hours'
GROUP BY logger
ORDER BY errors DESC
LIMIT 20;

-- Delivery latency, last hour: from the log call to Kinesis, and from Kinesis to Redshift, by host.
SELECT
    host,
    COUNT(*) AS events,
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY DATEDIFF(millisecond, ts, approximate_arrival_timestamp)) AS to_kinesis_p50_ms,
    PERCENTILE_CONT(0.99) WITHIN GROUP (ORDER BY DATEDIFF(millisecond, ts, approximate_arrival_timestamp)) AS to_kinesis_p99_ms,
    MAX(DATEDIFF(millisecond, approximate_arrival_timestamp, refresh_time)) AS to_redshift_max_ms
FROM analytics.orders_live
WHERE ts > GETDATE() - INTERVAL '1 hour'
GROUP BY host
ORDER BY to_kinesis_p99_ms DESC;

-- The slowest-arriving events of the last hour: a host that buffered through an outage shows here.
SELECT ts, approximate_arrival_timestamp, DATEDIFF(millisecond, ts, approximate_arrival_timestamp) AS arrival_delay_ms,
    service, host, logger, LEFT(message, 200) AS message
FROM analytics.orders_live
WHERE ts > GETDATE() - INTERVAL '1 hour'
ORDER BY arrival_delay_ms DESC
LIMIT 20;

-- The last 20 errors of the last 24 hours, with their stack traces.
SELECT ts, service, host, logger, message, error_type, error_message, error_stack
FROM analytics.orders_live
WHERE error_type IS NOT NULL
  AND ts > GETDATE() - INTERVAL '24 hours'
ORDER BY ts DESC
LIMIT 20;

-- Events that were cut to fit Redshift's limits, last 24 hours, and what was cut.
SELECT ts, service, logger, truncated, LEFT(message, 200) AS message
FROM analytics.orders_live
WHERE truncated IS NOT NULL
  AND ts > GETDATE() - INTERVAL '24 hours'
ORDER BY ts DESC
LIMIT 50;
