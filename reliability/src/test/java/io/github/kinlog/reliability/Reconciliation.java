package io.github.kinlog.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinlog.common.metrics.MetricsSnapshot;
import io.github.kinlog.redshift.IngestibilityCheck;
import io.github.kinlog.testsupport.StreamRecord;
import io.github.kinlog.testsupport.TestStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Settles what an application logged against what reached the stream: every event logged is delivered, or counted
 * as dropped under a reason; a record delivered twice (after a request that timed out but was written) carries the
 * same {@code event_id} and is counted as a duplicate. Every record must be ingestible by Redshift.
 */
final class Reconciliation {
    /** Records may hold keys and strings up to the record size: lift Jackson's default reading limits. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(10_000)
                    .build())
            .build());

    private static final IngestibilityCheck CHECK = IngestibilityCheck.defaults();

    private Reconciliation() {}

    /** The sums of one application's run. */
    record Outcome(
            int logged,
            int delivered,
            int duplicates,
            int missing,
            MetricsSnapshot metrics,
            List<String> notIngestible,
            List<String> unexpected) {

        long dropped() {
            return metrics.droppedTotal();
        }

        /** Every logged event was delivered or counted as dropped, and every record was ingestible. */
        Outcome assertAccountedFor() {
            assertThat(notIngestible).as("records Redshift would not ingest").isEmpty();
            assertThat(unexpected)
                    .as("records nobody logged, or one event_id for two events")
                    .isEmpty();
            assertThat(missing)
                    .as("events neither delivered nor counted as dropped (%s)", metrics.dropped())
                    .isEqualTo(metrics.droppedTotal());
            return this;
        }

        /** Every logged event was delivered: nothing dropped. */
        Outcome assertNothingLost() {
            assertAccountedFor();
            assertThat(missing)
                    .as("events not delivered (%s)", metrics.dropped())
                    .isZero();
            return this;
        }

        String droppedByReason() {
            Map<String, Long> byReason = new TreeMap<>();
            metrics.dropped().forEach((reason, count) -> {
                if (count > 0) {
                    byReason.put(reason.metricName(), count);
                }
            });
            return byReason.isEmpty() ? "0" : byReason.toString().replaceAll("[{}]", "");
        }
    }

    /**
     * Waits until the application's sender holds nothing (everything acknowledged or dropped), then reads the stream
     * and settles. {@code logged} are the messages the application logged; other records fail the check.
     */
    static Outcome settle(LoggingApp app, TestStream stream, Collection<String> logged, Duration timeout) {
        awaitIdle(app, logged.size(), timeout);
        return settle(app.metrics(), stream.readAll(), logged);
    }

    static void awaitIdle(LoggingApp app, int logged, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            MetricsSnapshot now = app.metrics();
            boolean settled = now.bufferedEvents() == 0 && now.sent() + now.droppedTotal() >= logged;
            if (settled) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "The sender did not settle within " + timeout + ": logged " + logged + ", " + now);
            }
            sleep(100);
        }
    }

    static Outcome settle(MetricsSnapshot metrics, List<StreamRecord> records, Collection<String> logged) {
        return settle(metrics, records, logged, logged);
    }

    /**
     * Settles {@code wanted}, a part of what was logged; records of the other events logged ({@code known}) are
     * neither required nor unexpected.
     */
    static Outcome settle(
            MetricsSnapshot metrics, List<StreamRecord> records, Collection<String> wanted, Collection<String> known) {
        Set<String> wantedSet = new HashSet<>(wanted);
        Set<String> knownSet = new HashSet<>(known);
        Map<String, String> messageByEventId = new HashMap<>();
        Set<String> delivered = new HashSet<>();
        List<String> notIngestible = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        int duplicates = 0;
        for (StreamRecord record : records) {
            String problem = notIngestible(record);
            if (problem != null) {
                notIngestible.add(problem);
                continue;
            }
            for (JsonNode event : events(record.data())) {
                String message = event.path("message").asText();
                String eventId = event.path("event_id").asText();
                String before = messageByEventId.putIfAbsent(eventId, message);
                if (before != null) {
                    duplicates++;
                    if (!before.equals(message)) {
                        unexpected.add("event_id " + eventId + " on '" + before + "' and '" + message + "'");
                    }
                    continue;
                }
                if (!knownSet.contains(message)) {
                    unexpected.add("not logged: " + message);
                } else if (wantedSet.contains(message) && !delivered.add(message)) {
                    unexpected.add("logged once, delivered under two event ids: " + message);
                }
            }
        }
        int missing = wantedSet.size() - delivered.size();
        return new Outcome(wantedSet.size(), delivered.size(), duplicates, missing, metrics, notIngestible, unexpected);
    }

    /** Why Redshift would not ingest this record whole, or null when it would. */
    static String notIngestible(StreamRecord record) {
        IngestibilityCheck.Result result = CHECK.check(record.data(), record.partitionKey());
        return result.ingestible() ? null : record.sequenceNumber() + ": " + result;
    }

    /** The events in a record: a packed record's elements, or the record itself. */
    static List<JsonNode> events(byte[] data) {
        JsonNode record = parse(data);
        List<JsonNode> events = new ArrayList<>();
        if (record.isArray()) {
            record.forEach(events::add);
        } else {
            events.add(record);
        }
        return events;
    }

    static JsonNode parse(byte[] data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
