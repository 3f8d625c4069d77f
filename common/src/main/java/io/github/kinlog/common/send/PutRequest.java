package io.github.kinlog.common.send;

import java.util.List;

/**
 * One PutRecords request as formed: the events it carries and the Kinesis records they make, either one record per
 * event or packed records of several (each record's events are consecutive in {@link #events}). Compared by identity.
 */
final class PutRequest {
    /** Every event in the request, record by record. */
    final List<OutboundRecord> events;
    /** What goes to Kinesis, in order. */
    final List<KinesisRecord> records;
    /** Where each record's events end in {@link #events}; null when every record is one event. */
    private final int[] ends;

    /** A request of one record per event. */
    @SuppressWarnings("unchecked")
    PutRequest(List<OutboundRecord> events) {
        this.events = events;
        this.records = (List<KinesisRecord>) (List<? extends KinesisRecord>) events;
        this.ends = null;
    }

    PutRequest(List<OutboundRecord> events, List<KinesisRecord> records, int[] ends) {
        this.events = events;
        this.records = records;
        this.ends = ends;
    }

    /** Where record {@code index}'s events start in {@link #events}. */
    int firstEvent(int index) {
        return ends == null ? index : index == 0 ? 0 : ends[index - 1];
    }

    /** Where record {@code index}'s events end (exclusive) in {@link #events}. */
    int endEvent(int index) {
        return ends == null ? index + 1 : ends[index];
    }

    boolean isEmpty() {
        return events.isEmpty();
    }
}
