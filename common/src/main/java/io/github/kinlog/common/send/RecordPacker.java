package io.github.kinlog.common.send;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Forms a request of packed records: each a JSON array of whole events ({@code [event,event,...]}), at most {@code
 * packedRecordBytes} with its partition key, or a single event as it is (an event that fits no pack with others, or
 * the only one of its key). Events that must keep their own partition key are packed only with events of the same
 * key, in the order they came; events with random keys pack with any, under the first one's key. Packing happens as
 * the request is formed, so it adds no wait: the request goes when it would have gone with one event per record.
 */
final class RecordPacker extends RequestForm {
    private final int maxRecords;
    private final long maxRequestBytes;
    private final int packedRecordBytes;
    private final boolean keepsKeys;

    private final List<Pack> packs = new ArrayList<>();
    /** The pack still taking events, by partition key (one pack under "" when keys need not be kept). */
    private final Map<String, Pack> open = new HashMap<>();

    private long bytes;
    private int events;

    RecordPacker(int maxRecords, long maxRequestBytes, int packedRecordBytes, boolean keepsKeys) {
        this.maxRecords = maxRecords;
        this.maxRequestBytes = maxRequestBytes;
        this.packedRecordBytes = packedRecordBytes;
        this.keepsKeys = keepsKeys;
    }

    @Override
    boolean add(OutboundRecord event) {
        String group = keepsKeys ? event.partitionKey : "";
        if (event.packable) {
            Pack pack = open.get(group);
            long packed = pack == null ? Long.MAX_VALUE : pack.sizeWith(event);
            if (packed <= packedRecordBytes) {
                if (bytes + packed - pack.size > maxRequestBytes) {
                    return false;
                }
                bytes += packed - pack.size;
                pack.add(event, packed);
                events++;
                return true;
            }
        }
        if (packs.size() >= maxRecords || bytes + event.size > maxRequestBytes) {
            return false;
        }
        Pack pack = new Pack(event);
        packs.add(pack);
        if (event.packable && event.size <= packedRecordBytes / 2) {
            // A large event leaves the open pack open: the next small ones still fit there.
            open.put(group, pack);
        }
        bytes += event.size;
        events++;
        return true;
    }

    @Override
    PutRequest build() {
        List<OutboundRecord> all = new ArrayList<>(events);
        List<KinesisRecord> records = new ArrayList<>(packs.size());
        int[] ends = new int[packs.size()];
        for (int i = 0; i < packs.size(); i++) {
            Pack pack = packs.get(i);
            all.addAll(pack.events);
            ends[i] = all.size();
            records.add(pack.events.size() == 1 ? pack.events.get(0) : pack.record());
        }
        return new PutRequest(all, records, ends);
    }

    /** Events bound for one record. */
    private static final class Pack {
        final List<OutboundRecord> events = new ArrayList<>();
        /** The record's size as Kinesis counts it: data (brackets and commas included) and partition key. */
        long size;

        Pack(OutboundRecord first) {
            events.add(first);
            size = first.size;
        }

        /** The size with one more event: its data and a comma, and the brackets when this makes the array. */
        long sizeWith(OutboundRecord event) {
            return size + event.data.length + 1 + (events.size() == 1 ? 2 : 0);
        }

        /** @param newSize what {@link #sizeWith} said for this event */
        void add(OutboundRecord event, long newSize) {
            size = newSize;
            events.add(event);
        }

        KinesisRecord record() {
            OutboundRecord first = events.get(0);
            byte[] data = new byte[(int) (size - first.partitionKeyBytes())];
            int at = 0;
            data[at++] = '[';
            for (OutboundRecord event : events) {
                if (at > 1) {
                    data[at++] = ',';
                }
                System.arraycopy(event.data, 0, data, at, event.data.length);
                at += event.data.length;
            }
            data[at] = ']';
            return new PackedRecord(data, first.partitionKey);
        }
    }

    /** A record of several events. */
    private static final class PackedRecord implements KinesisRecord {
        private final byte[] data;
        private final String partitionKey;

        PackedRecord(byte[] data, String partitionKey) {
            this.data = data;
            this.partitionKey = partitionKey;
        }

        @Override
        public byte[] data() {
            return data;
        }

        @Override
        public String partitionKey() {
            return partitionKey;
        }
    }
}
