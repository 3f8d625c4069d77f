package io.github.kinlog.samples.warehouse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.kinlog.redshift.RedshiftSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads every shard of a stream the way Redshift streaming ingestion does, from TRIM_HORIZON, following shard
 * iterators, and stores each record with the Kinesis metadata columns and its JSON in the landing table, from which
 * the {@link Loader} moves events into the events table. The position of each shard is
 * stored with the rows, in one transaction, so a restart neither loses nor repeats a row. Like the streaming view's
 * CAN_JSON_PARSE, a record that is not JSON is skipped and counted.
 */
public final class LocalWarehouse {
    private final KinesisClient kinesis;
    private final String stream;
    private final Connection db;
    private final WarehouseSql sql;
    private final Map<String, String> iterators = new HashMap<>();
    /** Shards read to their end after a reshard; they have no more records. */
    private final Set<String> finished = new HashSet<>();

    private final JsonFactory json = new JsonFactory();
    private long skipped;

    /** Creates the tables and views if needed, in DuckDB or PostgreSQL (from the connection's URL). */
    public LocalWarehouse(KinesisClient kinesis, String stream, Connection db, RedshiftSetup setup)
            throws SQLException {
        this.kinesis = kinesis;
        this.stream = stream;
        this.db = db;
        this.sql = new WarehouseSql(setup, Dialect.of(db.getMetaData().getURL()));
        db.setAutoCommit(true);
        try (Statement statement = db.createStatement()) {
            for (String ddl : sql.schema()) {
                statement.execute(ddl);
            }
        }
        db.setAutoCommit(false);
    }

    /** Drops the warehouse's views and tables, whichever of the two each is, for a fresh start against a new stream. */
    public static void drop(Connection db, RedshiftSetup setup) throws SQLException {
        List<String> names = new WarehouseSql(setup, Dialect.of(db.getMetaData().getURL())).names();
        List<String> views = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT table_type FROM information_schema.tables"
                + " WHERE table_name = ? AND table_schema = current_schema()")) {
            for (String name : names) {
                query.setString(1, name);
                try (ResultSet type = query.executeQuery()) {
                    if (type.next()) {
                        (type.getString(1).equals("VIEW") ? views : tables).add(name);
                    }
                }
            }
        }
        try (Statement statement = db.createStatement()) {
            // Views first: they read the tables.
            for (String view : views) {
                statement.execute("DROP VIEW " + view);
            }
            for (String table : tables) {
                statement.execute("DROP TABLE " + table);
            }
        }
        if (!db.getAutoCommit()) {
            db.commit();
        }
    }

    /** The load into the events table, on this warehouse's connection, reading the time from {@code clock}. */
    Loader loader(Clock clock) {
        return new Loader(db, sql.design(), clock);
    }

    /** Reads what every shard has now; returns the rows stored. */
    public int poll() throws SQLException {
        int stored = 0;
        List<Shard> shards = kinesis.listShards(r -> r.streamName(stream)).shards();
        for (Shard shard : shards) {
            stored += pollShard(shard.shardId());
        }
        return stored;
    }

    /** Records not stored because they are not JSON. */
    public long skipped() {
        return skipped;
    }

    private int pollShard(String shardId) throws SQLException {
        if (finished.contains(shardId)) {
            return 0;
        }
        String iterator = iterators.computeIfAbsent(shardId, this::startingIterator);
        GetRecordsResponse response;
        try {
            response = kinesis.getRecords(r -> r.shardIterator(iterator).limit(10_000));
        } catch (ExpiredIteratorException e) {
            iterators.remove(shardId);
            return 0;
        }
        store(shardId, response.records());
        if (response.nextShardIterator() == null) {
            finished.add(shardId);
            iterators.remove(shardId);
        } else {
            iterators.put(shardId, response.nextShardIterator());
        }
        return response.records().size();
    }

    /** From the stored position if there is one, else from the oldest record. */
    private String startingIterator(String shardId) {
        String position = position(shardId);
        return kinesis.getShardIterator(r -> {
                    r.streamName(stream).shardId(shardId);
                    if (position == null) {
                        r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                    } else {
                        r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                .startingSequenceNumber(position);
                    }
                })
                .shardIterator();
    }

    /** One JSON value and nothing after it, like CAN_JSON_PARSE. */
    private boolean isJson(byte[] data) {
        try (JsonParser parser = json.createParser(data)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private String position(String shardId) {
        try (PreparedStatement query =
                db.prepareStatement("SELECT sequence_number FROM " + WarehouseSql.POSITIONS + " WHERE shard_id = ?")) {
            query.setString(1, shardId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the position of " + shardId, e);
        }
    }

    private void store(String shardId, List<Record> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        LocalDateTime refreshTime = LocalDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = db.prepareStatement(sql.insertRecord());
                PreparedStatement move = db.prepareStatement(sql.movePosition())) {
            for (Record record : records) {
                byte[] data = record.data().asByteArray();
                if (!isJson(data)) {
                    skipped++;
                    continue;
                }
                String json = new String(data, StandardCharsets.UTF_8);
                insert.setObject(1, LocalDateTime.ofInstant(record.approximateArrivalTimestamp(), ZoneOffset.UTC));
                insert.setString(2, record.partitionKey());
                insert.setString(3, shardId);
                insert.setString(4, record.sequenceNumber());
                insert.setObject(5, refreshTime);
                insert.setString(6, json);
                insert.addBatch();
            }
            insert.executeBatch();
            move.setString(1, shardId);
            move.setString(2, records.get(records.size() - 1).sequenceNumber());
            move.executeUpdate();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            iterators.remove(shardId); // re-read from the stored position
            throw e;
        }
    }
}
