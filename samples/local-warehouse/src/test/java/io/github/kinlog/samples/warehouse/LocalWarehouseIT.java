package io.github.kinlog.samples.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.Shards;
import io.github.kinlog.testsupport.TestStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;

@ExtendWith(KinesisExtension.class)
class LocalWarehouseIT {
    private static String event(int seq) {
        return "{\"ts\":\"2026-11-24T04:11:51.555123Z\",\"level\":\"INFO\",\"logger\":\"l\",\"thread\":\"t\","
                + "\"message\":\"m" + seq + "\",\"host\":\"h\",\"pid\":1,\"seq\":" + seq + ",\"event_id\":\"id-" + seq
                + "\",\"schema_version\":1,\"mdc\":{\"page\":\"/p\"}}";
    }

    private static void put(KinesisEndpoint kinesis, TestStream stream, String data, int key) {
        kinesis.client()
                .putRecord(
                        r -> r.streamName(stream.name()).partitionKey("k" + key).data(SdkBytes.fromUtf8String(data)));
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aRestartedWarehouseNeitherLosesNorRepeatsRowsAndSkipsWhatIsNotJson(
            KinesisEndpoint kinesis, @Shards(2) TestStream stream, @TempDir Path dir) throws Exception {
        String url = "jdbc:duckdb:" + dir.resolve("w.duckdb");
        for (int i = 1; i <= 20; i++) {
            put(kinesis, stream, event(i), i);
        }
        put(kinesis, stream, "not json", 0);
        stream.awaitRecords(21, Duration.ofSeconds(60));
        try (Connection db = DriverManager.getConnection(url)) {
            LocalWarehouse first = new LocalWarehouse(kinesis.client(), stream.name(), db, Demo.views());
            assertThat(first.poll()).isEqualTo(21);
            assertThat(first.skipped()).isEqualTo(1);
        }
        for (int i = 21; i <= 30; i++) {
            put(kinesis, stream, event(i), i);
        }
        stream.awaitRecords(31, Duration.ofSeconds(60));
        try (Connection db = DriverManager.getConnection(url)) {
            LocalWarehouse restarted = new LocalWarehouse(kinesis.client(), stream.name(), db, Demo.views());
            restarted.poll();
            restarted.poll();

            assertThat(count(db, "SELECT COUNT(*) FROM kinlog_events_raw")).isEqualTo(30);
            assertThat(count(db, "SELECT COUNT(DISTINCT seq) FROM kinlog_events_live"))
                    .isEqualTo(30);
            Loader.Outcome load = restarted.loader(Clock.systemUTC()).load();
            assertThat(load.loaded()).isEqualTo(30);
            assertThat(count(db, "SELECT COUNT(*) FROM kinlog_events_raw")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM kinlog_events WHERE page = '/p' AND ts IS NOT NULL"))
                    .isEqualTo(30);
        }
    }
}
