-- Kinlog events in Amazon Redshift: the typed table, its load from the streaming view, and the live view.
-- Generated for event schema version 1; regenerate it (see the README) rather than edit it.
-- Run the statements in order as a user who may create schemas, tables, views and procedures.

-- Some names have upper-case letters (the stream, a static field or a promoted key), which
-- Redshift folds to lower case unless this is on. Queries on the views need it as well.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/r_enable_case_sensitive_identifier.html
--       https://docs.aws.amazon.com/redshift/latest/dg/super-configurations.html
SET enable_case_sensitive_identifier TO true;

-- 1. The events, one row per event_id, a column per event field; mdc, fields and the other objects stay SUPER.
--    Sorted by ts: a query over a time range reads only that range's blocks (SUPER has no zone maps,
--    so filters go on the typed columns). Redshift chooses the distribution, as no join argues for a key, and
--    the encodings. Strings keep VARCHAR(65535), Kinlog's own limit: a narrower column would fail a load
--    on a longer value.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_TABLE_NEW.html
--       https://docs.aws.amazon.com/redshift/latest/dg/c_best-practices-sort-key.html
--       https://docs.aws.amazon.com/redshift/latest/dg/c_best-practices-best-dist-key.html
--       https://docs.aws.amazon.com/redshift/latest/dg/limitations-super.html
CREATE TABLE IF NOT EXISTS analytics.orders_events (
    approximate_arrival_timestamp TIMESTAMP,
    partition_key VARCHAR(256),
    shard_id VARCHAR(20),
    sequence_number VARCHAR(128),
    refresh_time TIMESTAMP,
    ts TIMESTAMP,
    level VARCHAR(65535),
    logger VARCHAR(65535),
    thread VARCHAR(65535),
    message VARCHAR(65535),
    service VARCHAR(65535),
    env VARCHAR(65535),
    host VARCHAR(65535),
    pid BIGINT,
    seq BIGINT,
    event_id VARCHAR(36),
    schema_version INTEGER,
    mdc SUPER,
    fields SUPER,
    markers SUPER,
    ndc SUPER,
    error_type VARCHAR(65535),
    error_message VARCHAR(65535),
    error_stack VARCHAR(65535),
    source SUPER,
    truncated SUPER,
    team VARCHAR(65535),
    traceid VARCHAR(32),
    amount DECIMAL(12,2)
)
DISTSTYLE AUTO
SORTKEY (ts)
ENCODE AUTO;

-- 2. One row per load: the records it took, the events found in them and loaded, the copies and the records
--    with no event it skipped, and how long it took.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_TABLE_NEW.html
CREATE TABLE IF NOT EXISTS analytics.orders_loads (
    load_started TIMESTAMP,
    load_finished TIMESTAMP,
    records BIGINT,
    events_found BIGINT,
    records_skipped BIGINT,
    events_loaded BIGINT,
    duplicates_skipped BIGINT,
    events_expired BIGINT,
    oldest_arrival TIMESTAMP,
    newest_arrival TIMESTAMP,
    duration_ms BIGINT
);

-- 3. The load: CALL analytics.orders_load(); every minute (eventbridge-schedule.sh or airflow_kinlog_load.py). It runs in one
--    transaction (the default, atomic mode): killed anywhere, it changes nothing, and a second load waits on the
--    lock of the load log. It deletes from the streaming view exactly the records it read; a refresh that
--    commits meanwhile may make Redshift cancel one of the two (serializable isolation): both are safe to run again.
--    A record is one event (a JSON object) or a packed array of events: the load reads both, one row per event,
--    and unnests only arrays.
--    Retention: events older than 30 days are deleted as part of each load, a minute's worth at a time;
--    automatic VACUUM DELETE reclaims the space.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_PROCEDURE.html
--       https://docs.aws.amazon.com/redshift/latest/dg/stored-procedure-transaction-management.html
--       https://docs.aws.amazon.com/redshift/latest/dg/c_PLpgSQL-statements.html
--       https://docs.aws.amazon.com/redshift/latest/dg/r_LOCK.html
--       https://docs.aws.amazon.com/redshift/latest/dg/r_DELETE.html
--       https://docs.aws.amazon.com/redshift/latest/dg/query-super.html
--       https://docs.aws.amazon.com/redshift/latest/dg/r_is_array.html
--       https://docs.aws.amazon.com/redshift/latest/dg/r_is_object.html
--       https://docs.aws.amazon.com/redshift/latest/dg/materialized-view-streaming-ingestion.html
--       https://docs.aws.amazon.com/redshift/latest/dg/c_serial_isolation.html
--       https://docs.aws.amazon.com/redshift/latest/dg/t_Reclaiming_storage_space202.html
CREATE OR REPLACE PROCEDURE analytics.orders_load()
AS $$
DECLARE
    v_started TIMESTAMP;
    v_finished TIMESTAMP;
    v_min_ts TIMESTAMP;
    v_max_ts TIMESTAMP;
    v_oldest_arrival TIMESTAMP;
    v_newest_arrival TIMESTAMP;
    v_records BIGINT := 0;
    v_skipped BIGINT := 0;
    v_events BIGINT := 0;
    v_loaded BIGINT := 0;
    v_removed BIGINT := 0;
    v_expired BIGINT := 0;
BEGIN
    -- When the load began.
    v_started := GETDATE();
    -- One load at a time: a second one waits here until this one ends.
    LOCK analytics.orders_loads;
    -- Left over by a load of this session that failed.
    DROP TABLE IF EXISTS kinlog_batch;
    -- Likewise.
    DROP TABLE IF EXISTS kinlog_batch_events;
    -- The records that have arrived, known by their place in the stream: exactly these leave the landing table below, whatever arrives meanwhile.
    CREATE TEMP TABLE kinlog_batch AS
    SELECT approximate_arrival_timestamp, partition_key, shard_id, sequence_number, refresh_time, payload
    FROM analytics.orders_landing;
    -- The events in those records, typed, one row per copy, numbered from the earliest (delivery is at least once); what is not a Kinlog event (no event_id or ts) stays out.
    CREATE TEMP TABLE kinlog_batch_events AS
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
        truncated,
        team,
        traceid,
        amount,
        copy_number
    FROM (
        SELECT
            approximate_arrival_timestamp,
            partition_key,
            shard_id,
            sequence_number,
            refresh_time,
            CAST(event."ts" AS TIMESTAMP) AS ts,
            CAST(event."level" AS VARCHAR(65535)) AS level,
            CAST(event."logger" AS VARCHAR(65535)) AS logger,
            CAST(event."thread" AS VARCHAR(65535)) AS thread,
            CAST(event."message" AS VARCHAR(65535)) AS message,
            CAST(event."service" AS VARCHAR(65535)) AS service,
            CAST(event."env" AS VARCHAR(65535)) AS env,
            CAST(event."host" AS VARCHAR(65535)) AS host,
            CAST(event."pid" AS BIGINT) AS pid,
            CAST(event."seq" AS BIGINT) AS seq,
            CAST(event."event_id" AS VARCHAR(36)) AS event_id,
            CAST(event."schema_version" AS INTEGER) AS schema_version,
            event."mdc" AS mdc,
            event."fields" AS fields,
            event."markers" AS markers,
            event."ndc" AS ndc,
            CAST(event."error"."type" AS VARCHAR(65535)) AS error_type,
            CAST(event."error"."message" AS VARCHAR(65535)) AS error_message,
            CAST(event."error"."stack" AS VARCHAR(65535)) AS error_stack,
            event."source" AS source,
            event."truncated" AS truncated,
            CAST(event."team" AS VARCHAR(65535)) AS team,
            CAST(event."mdc"."traceId" AS VARCHAR(32)) AS traceid,
            CAST(event."fields"."total" AS DECIMAL(12,2)) AS amount,
            ROW_NUMBER() OVER (
                PARTITION BY CAST(event."event_id" AS VARCHAR(36))
                ORDER BY approximate_arrival_timestamp, shard_id, sequence_number, event_index) AS copy_number
        FROM (
            SELECT approximate_arrival_timestamp, partition_key, shard_id, sequence_number, refresh_time,
                payload AS event, 0 AS event_index
            FROM kinlog_batch
            WHERE IS_OBJECT(payload)
            UNION ALL
            SELECT approximate_arrival_timestamp, partition_key, shard_id, sequence_number, refresh_time,
                event, event_index
            FROM kinlog_batch AS packed, packed.payload AS event AT event_index
            WHERE IS_ARRAY(packed.payload)
        ) AS found
    ) AS arrived
    WHERE event_id IS NOT NULL AND ts IS NOT NULL;
    -- Records in the batch.
    SELECT INTO v_records COUNT(*)
    FROM kinlog_batch;
    -- The batch's oldest arrival.
    SELECT INTO v_oldest_arrival MIN(approximate_arrival_timestamp)
    FROM kinlog_batch;
    -- The batch's newest arrival.
    SELECT INTO v_newest_arrival MAX(approximate_arrival_timestamp)
    FROM kinlog_batch;
    -- Events found in the batch, every copy: loaded below, or skipped as a copy.
    SELECT INTO v_events COUNT(*)
    FROM kinlog_batch_events;
    -- Records in which no Kinlog event was found.
    SELECT INTO v_skipped COUNT(*)
    FROM kinlog_batch
    WHERE NOT EXISTS (
        SELECT 1
        FROM kinlog_batch_events AS found
        WHERE found.shard_id = kinlog_batch.shard_id
          AND found.sequence_number = kinlog_batch.sequence_number);
    -- The batch's earliest event time.
    SELECT INTO v_min_ts MIN(ts)
    FROM kinlog_batch_events;
    -- The batch's latest event time.
    SELECT INTO v_max_ts MAX(ts)
    FROM kinlog_batch_events;
    -- Into the table, the earliest copy of each event, unless an earlier load has the event: copies of one event share ts, so the check reads only the batch's time range of the table, which the sort key finds.
    INSERT INTO analytics.orders_events (
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
        truncated,
        team,
        traceid,
        amount
    )
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
        truncated,
        team,
        traceid,
        amount
    FROM kinlog_batch_events AS arrived
    WHERE arrived.copy_number = 1
      AND NOT EXISTS (
        SELECT 1
        FROM analytics.orders_events AS loaded
        WHERE loaded.ts BETWEEN v_min_ts AND v_max_ts
          AND loaded.ts = arrived.ts
          AND loaded.event_id = arrived.event_id);
    GET DIAGNOSTICS v_loaded := ROW_COUNT;
    -- The batch leaves the landing table, record by record: what a refresh added meanwhile stays.
    DELETE FROM analytics.orders_landing
    USING kinlog_batch
    WHERE analytics.orders_landing.shard_id = kinlog_batch.shard_id
      AND analytics.orders_landing.sequence_number = kinlog_batch.sequence_number;
    GET DIAGNOSTICS v_removed := ROW_COUNT;
    -- Events older than the retention of 30 days leave the table.
    DELETE FROM analytics.orders_events
    WHERE ts < DATEADD(day, -30, v_started);
    GET DIAGNOSTICS v_expired := ROW_COUNT;
    -- When the load ended.
    v_finished := GETDATE();
    -- The load's row in the log.
    INSERT INTO analytics.orders_loads (load_started, load_finished, records, events_found, records_skipped, events_loaded, duplicates_skipped, events_expired, oldest_arrival, newest_arrival, duration_ms)
    VALUES (v_started, v_finished, v_records, v_events, v_skipped, v_loaded, v_events - v_loaded, v_expired, v_oldest_arrival, v_newest_arrival, DATEDIFF(millisecond, v_started, v_finished));
    -- The batch's temporary tables.
    DROP TABLE kinlog_batch_events;
    -- Likewise.
    DROP TABLE kinlog_batch;
END;
$$ LANGUAGE plpgsql
SET enable_case_sensitive_identifier TO true;

-- 4. The live view: the table, and what has arrived since the last load typed on the fly, one row per event.
--    Dashboards read it: events seconds old, while only the small streaming view is read besides the table.
--    A copy of an event resent after the event was loaded shows here until the next load skips it.
--    Packed records are unnested as in the load.
-- Docs: https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_VIEW.html
--       https://docs.aws.amazon.com/redshift/latest/dg/query-super.html
--       https://docs.aws.amazon.com/redshift/latest/dg/r_is_array.html
--       https://docs.aws.amazon.com/redshift/latest/dg/r_is_object.html
--       https://docs.aws.amazon.com/redshift/latest/dg/r_WF_ROW_NUMBER.html
CREATE OR REPLACE VIEW analytics.orders_live AS
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
    truncated,
    team,
    traceid,
    amount
FROM analytics.orders_events
UNION ALL
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
    truncated,
    team,
    traceid,
    amount
FROM (
    SELECT
        approximate_arrival_timestamp,
        partition_key,
        shard_id,
        sequence_number,
        refresh_time,
        CAST(event."ts" AS TIMESTAMP) AS ts,
        CAST(event."level" AS VARCHAR(65535)) AS level,
        CAST(event."logger" AS VARCHAR(65535)) AS logger,
        CAST(event."thread" AS VARCHAR(65535)) AS thread,
        CAST(event."message" AS VARCHAR(65535)) AS message,
        CAST(event."service" AS VARCHAR(65535)) AS service,
        CAST(event."env" AS VARCHAR(65535)) AS env,
        CAST(event."host" AS VARCHAR(65535)) AS host,
        CAST(event."pid" AS BIGINT) AS pid,
        CAST(event."seq" AS BIGINT) AS seq,
        CAST(event."event_id" AS VARCHAR(36)) AS event_id,
        CAST(event."schema_version" AS INTEGER) AS schema_version,
        event."mdc" AS mdc,
        event."fields" AS fields,
        event."markers" AS markers,
        event."ndc" AS ndc,
        CAST(event."error"."type" AS VARCHAR(65535)) AS error_type,
        CAST(event."error"."message" AS VARCHAR(65535)) AS error_message,
        CAST(event."error"."stack" AS VARCHAR(65535)) AS error_stack,
        event."source" AS source,
        event."truncated" AS truncated,
        CAST(event."team" AS VARCHAR(65535)) AS team,
        CAST(event."mdc"."traceId" AS VARCHAR(32)) AS traceid,
        CAST(event."fields"."total" AS DECIMAL(12,2)) AS amount,
        ROW_NUMBER() OVER (
            PARTITION BY CAST(event."event_id" AS VARCHAR(36))
            ORDER BY approximate_arrival_timestamp, shard_id, sequence_number, event_index) AS copy_number
    FROM (
        SELECT approximate_arrival_timestamp, partition_key, shard_id, sequence_number, refresh_time,
            payload AS event, 0 AS event_index
        FROM analytics.orders_landing
        WHERE IS_OBJECT(payload)
        UNION ALL
        SELECT approximate_arrival_timestamp, partition_key, shard_id, sequence_number, refresh_time,
            event, event_index
        FROM analytics.orders_landing AS packed, packed.payload AS event AT event_index
        WHERE IS_ARRAY(packed.payload)
    ) AS found
) AS arrived
WHERE copy_number = 1 AND event_id IS NOT NULL AND ts IS NOT NULL;
