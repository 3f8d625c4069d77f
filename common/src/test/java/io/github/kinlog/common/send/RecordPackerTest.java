package io.github.kinlog.common.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.common.testing.Records;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How one request's events become packed records: the bytes, the keys, the limits. No sender thread. */
class RecordPackerTest {
    /** A 40-byte event (plus its key) named {@code id}, padded so sizes are round. */
    private static OutboundRecord event(String id, String key) {
        String json = "{\"id\":\"" + id + "\",\"pad\":\"" + "x".repeat(40 - 18 - id.length()) + "\"}";
        byte[] data = json.getBytes(StandardCharsets.UTF_8);
        assertThat(data).hasSize(40);
        return new OutboundRecord(data, key, key.length(), 0, true);
    }

    private static String text(KinesisRecord record) {
        return new String(record.data(), StandardCharsets.UTF_8);
    }

    /** The ids in a record: the elements of an array, or the one event. */
    private static List<String> ids(KinesisRecord record) {
        return Records.eventsWithin(record.data(), Integer.MAX_VALUE).stream()
                .map(event -> event.get("id").asText())
                .toList();
    }

    @Test
    void eventsWithRandomKeysPackInOrderUpToThePackedSizeUnderTheFirstOnesKey() {
        // A record of n events is 40n + (n - 1) commas + 2 brackets + a 2-byte key: four make 167, five 208.
        RecordPacker packer = new RecordPacker(500, 1 << 20, 200, false);
        for (int i = 0; i < 10; i++) {
            assertThat(packer.add(event("e" + i, "k" + i))).isTrue();
        }
        PutRequest request = packer.build();

        assertThat(request.records).hasSize(3);
        assertThat(ids(request.records.get(0))).containsExactly("e0", "e1", "e2", "e3");
        assertThat(ids(request.records.get(1))).containsExactly("e4", "e5", "e6", "e7");
        assertThat(ids(request.records.get(2))).containsExactly("e8", "e9");
        assertThat(request.records.get(0).partitionKey()).isEqualTo("k0");
        assertThat(request.records.get(1).partitionKey()).isEqualTo("k4");
        assertThat(text(request.records.get(0))).startsWith("[{").endsWith("}]").hasSize(165);
        // The events in record order, with each record's range.
        assertThat(request.events)
                .extracting(e -> new String(e.data, StandardCharsets.UTF_8))
                .allSatisfy(data -> assertThat(data).startsWith("{\"id\""));
        assertThat(List.of(request.firstEvent(1), request.endEvent(1), request.endEvent(2)))
                .containsExactly(4, 8, 10);
    }

    @Test
    void aPackOfOneEventIsTheEventItselfNotAnArray() {
        RecordPacker packer = new RecordPacker(500, 1 << 20, 25_000, false);
        OutboundRecord only = event("alone", "k");
        packer.add(only);
        PutRequest request = packer.build();

        assertThat(request.records).containsExactly(only);
        assertThat(text(request.records.get(0))).startsWith("{");
    }

    @Test
    void perEventKeysPackOnlyWithTheirOwnKeyKeepingTheirOrder() {
        RecordPacker packer = new RecordPacker(500, 1 << 20, 25_000, true);
        for (int i = 0; i < 9; i++) {
            packer.add(event("e" + i, "tenant-" + (i % 3)));
        }
        PutRequest request = packer.build();

        assertThat(request.records).hasSize(3);
        for (int r = 0; r < 3; r++) {
            KinesisRecord record = request.records.get(r);
            assertThat(record.partitionKey()).isEqualTo("tenant-" + r);
            assertThat(ids(record)).containsExactly("e" + r, "e" + (r + 3), "e" + (r + 6));
            for (int e = request.firstEvent(r); e < request.endEvent(r); e++) {
                assertThat(request.events.get(e).partitionKey).isEqualTo(record.partitionKey());
            }
        }
    }

    @Test
    void anEventTooLargeToShareAndAnotherLayoutsBytesGoAlone() {
        RecordPacker packer = new RecordPacker(500, 1 << 20, 100, false);
        OutboundRecord large = new OutboundRecord(new byte[150], "k", 1, 0, true);
        OutboundRecord foreign = new OutboundRecord("plain text".getBytes(StandardCharsets.UTF_8), "k", 1, 0, false);
        packer.add(event("a", "k"));
        packer.add(large);
        packer.add(foreign);
        packer.add(event("b", "k"));
        PutRequest request = packer.build();

        assertThat(request.records).hasSize(3);
        assertThat(ids(request.records.get(0))).containsExactly("a", "b");
        assertThat(request.records.get(1)).isSameAs(large);
        assertThat(request.records.get(2)).isSameAs(foreign);
        assertThat(request.events).hasSize(4);
    }

    @Test
    void aRequestTakesAtMostMaxRecordsRecordsAndMaxRequestBytes() {
        RecordPacker byRecords = new RecordPacker(2, 1 << 20, 25_000, true);
        assertThat(byRecords.add(event("a", "k1"))).isTrue();
        assertThat(byRecords.add(event("b", "k2"))).isTrue();
        assertThat(byRecords.add(event("c", "k1"))).as("joins k1's record").isTrue();
        assertThat(byRecords.add(event("d", "k3"))).as("a third record").isFalse();
        assertThat(byRecords.build().events).hasSize(3);

        // 42 bytes alone; with a second event 85 (brackets and a comma), a third 126.
        RecordPacker byBytes = new RecordPacker(500, 100, 25_000, false);
        assertThat(byBytes.add(event("a", "k1"))).isTrue();
        assertThat(byBytes.add(event("b", "k1"))).isTrue();
        assertThat(byBytes.add(event("c", "k1"))).isFalse();
        PutRequest request = byBytes.build();
        assertThat(request.records).hasSize(1);
        assertThat(request.records.get(0).data()).hasSize(83);
    }
}
