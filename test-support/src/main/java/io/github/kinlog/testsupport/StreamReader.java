package io.github.kinlog.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads every shard of a stream with GetRecords, as a consumer would, remembering its position in each shard so that
 * repeated {@link #drain()} calls return only what is new. Shards that appear later (resharding) are picked up.
 */
final class StreamReader {
    private static final Duration THROTTLE_PAUSE = Duration.ofMillis(250);

    private final KinesisClient client;
    private final String stream;
    private final Instant startAt;
    private final Map<String, Cursor> cursors = new LinkedHashMap<>();

    /** Where a shard is being read; {@code iterator == null} means a new one must be requested. */
    private static final class Cursor {
        final String shardId;
        String iterator;
        String lastSequenceNumber;
        boolean closed;

        Cursor(String shardId) {
            this.shardId = shardId;
        }
    }

    /** @param startAt read records from this arrival time on; null reads from the start of each shard */
    StreamReader(KinesisClient client, String stream, Instant startAt) {
        this.client = client;
        this.stream = stream;
        this.startAt = startAt;
    }

    /** Reads every shard up to its current end and returns the records not returned before. */
    List<StreamRecord> drain() {
        addNewShards();
        List<StreamRecord> fresh = new ArrayList<>();
        for (Cursor cursor : cursors.values()) {
            readToEnd(cursor, fresh);
        }
        return fresh;
    }

    private void addNewShards() {
        String nextToken = null;
        do {
            String token = nextToken;
            ListShardsResponse page = client.listShards(request -> {
                // The API takes the stream name or a continuation token, never both.
                if (token == null) {
                    request.streamName(stream);
                } else {
                    request.nextToken(token);
                }
            });
            for (Shard shard : page.shards()) {
                cursors.computeIfAbsent(shard.shardId(), Cursor::new);
            }
            nextToken = page.nextToken();
        } while (nextToken != null);
    }

    private void readToEnd(Cursor cursor, List<StreamRecord> into) {
        while (!cursor.closed) {
            if (cursor.iterator == null) {
                cursor.iterator = newIterator(cursor);
            }
            GetRecordsResponse response;
            try {
                String iterator = cursor.iterator;
                response = client.getRecords(request -> request.shardIterator(iterator));
            } catch (ExpiredIteratorException e) {
                cursor.iterator = null;
                continue;
            } catch (ProvisionedThroughputExceededException e) {
                Sleeper.sleep(THROTTLE_PAUSE);
                continue;
            }
            for (Record record : response.records()) {
                into.add(new StreamRecord(
                        cursor.shardId,
                        record.sequenceNumber(),
                        record.partitionKey(),
                        record.data().asByteArray(),
                        record.approximateArrivalTimestamp()));
                cursor.lastSequenceNumber = record.sequenceNumber();
            }
            cursor.iterator = response.nextShardIterator();
            cursor.closed = cursor.iterator == null;
            Long behind = response.millisBehindLatest();
            if (response.records().isEmpty() && (behind == null || behind == 0L)) {
                return;
            }
        }
    }

    private String newIterator(Cursor cursor) {
        return client.getShardIterator(request -> {
                    request.streamName(stream).shardId(cursor.shardId);
                    if (cursor.lastSequenceNumber != null) {
                        request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                .startingSequenceNumber(cursor.lastSequenceNumber);
                    } else if (startAt != null) {
                        request.shardIteratorType(ShardIteratorType.AT_TIMESTAMP)
                                .timestamp(startAt);
                    } else {
                        request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                    }
                })
                .shardIterator();
    }
}
