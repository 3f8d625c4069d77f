package io.github.kinlog.common.send;

import java.util.ArrayList;
import java.util.List;

/**
 * Forms one request from waiting events, within the request's limits, in the record format configured: one record
 * per event, or packed records ({@link RecordPacker}). Sender thread only; one per request.
 */
abstract class RequestForm {
    /** Adds an event when it fits the request, and says whether it did; a refused event leaves the form as it was. */
    abstract boolean add(OutboundRecord event);

    /** The request formed; the form is used no more. */
    abstract PutRequest build();

    /** A new form for the next request. */
    static RequestForm start(SenderSettings settings) {
        if (settings.recordFormat() == RecordFormat.PACKED) {
            return new RecordPacker(
                    settings.maxBatchRecords(),
                    settings.maxRequestBytes(),
                    settings.packedRecordBytes(),
                    settings.keepsKeys());
        }
        return new OnePerRecord(settings.maxBatchRecords(), settings.maxRequestBytes());
    }

    /** Each event its own record: up to the most records and bytes a request takes. */
    static final class OnePerRecord extends RequestForm {
        private final int maxRecords;
        private final long maxRequestBytes;
        private final List<OutboundRecord> events;
        private long bytes;

        OnePerRecord(int maxRecords, long maxRequestBytes) {
            this.maxRecords = maxRecords;
            this.maxRequestBytes = maxRequestBytes;
            this.events = new ArrayList<>(Math.min(maxRecords, 64));
        }

        @Override
        boolean add(OutboundRecord event) {
            if (events.size() >= maxRecords || bytes + event.size > maxRequestBytes) {
                return false;
            }
            events.add(event);
            bytes += event.size;
            return true;
        }

        @Override
        PutRequest build() {
            return new PutRequest(events);
        }
    }
}
