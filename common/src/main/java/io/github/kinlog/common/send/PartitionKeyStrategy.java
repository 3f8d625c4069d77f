package io.github.kinlog.common.send;

import io.github.kinlog.common.event.LogEventView;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chooses each record's partition key, which decides its shard. Configured as text:
 *
 * <ul>
 *   <li>{@code random} (default): a new random key per event, spreading load over every shard;
 *   <li>{@code constant:VALUE}: always VALUE (one shard; keeps order within it);
 *   <li>{@code host}: this host's name;
 *   <li>{@code thread}: the logging thread's name;
 *   <li>{@code mdc:KEY} or {@code field:KEY}: that MDC entry or structured field of the event, followed by
 *       {@code |STRATEGY} for when the event lacks it (random if not given), for example {@code mdc:tenant|host}.
 * </ul>
 *
 * <p>Keys are cut to Kinesis' limit of 256 characters; an empty key falls back to a random one.
 */
public abstract class PartitionKeyStrategy {
    /** Kinesis accepts 1 to 256 Unicode characters. */
    public static final int MAX_KEY_CHARS = 256;

    private PartitionKeyStrategy() {}

    /** The key for an event. Never null or empty, at most 256 characters. */
    public final String keyFor(LogEventView event) {
        String key = rawKeyFor(event);
        if (key == null || key.isEmpty()) {
            return randomKey();
        }
        return limit(key);
    }

    abstract String rawKeyFor(LogEventView event);

    /**
     * Whether each event's own key must reach Kinesis: true, except for random keys, which only spread records over
     * shards, so packed events may share any one of theirs.
     */
    public boolean keepsKeys() {
        return true;
    }

    /** Parses a strategy; throws IllegalArgumentException with a message naming what is wrong. */
    public static PartitionKeyStrategy parse(String text, String hostName) {
        if (text == null || text.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    "partitionKey must not be empty; use random, constant:VALUE, host, thread,"
                            + " mdc:KEY or field:KEY");
        }
        String spec = text.trim();
        int bar = spec.indexOf('|');
        String head = bar < 0 ? spec : spec.substring(0, bar);
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mdc:") || lower.startsWith("field:")) {
            String key = head.substring(head.indexOf(':') + 1);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("partitionKey '" + text + "' names no key after '" + head + "'");
            }
            PartitionKeyStrategy fallback = bar < 0 ? new Random() : parse(spec.substring(bar + 1), hostName);
            return new FromEvent(key, lower.startsWith("mdc:"), fallback);
        }
        if (bar >= 0) {
            throw new IllegalArgumentException(
                    "partitionKey '" + text + "': only mdc:KEY and field:KEY take a '|' fallback");
        }
        if (lower.equals("random")) {
            return new Random();
        }
        if (lower.equals("host")) {
            return new Constant(hostName);
        }
        if (lower.equals("thread")) {
            return new FromThread();
        }
        if (lower.startsWith("constant:")) {
            String value = spec.substring("constant:".length());
            if (value.isEmpty()) {
                throw new IllegalArgumentException("partitionKey 'constant:' needs a value, as in constant:my-app");
            }
            return new Constant(value);
        }
        throw new IllegalArgumentException("partitionKey must be random, constant:VALUE, host, thread, mdc:KEY or"
                + " field:KEY (with an optional |FALLBACK), but is '" + text + "'");
    }

    static String randomKey() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /** Cuts a key to 256 characters without splitting a surrogate pair. */
    static String limit(String key) {
        if (key.length() <= MAX_KEY_CHARS) {
            return key;
        }
        int end = MAX_KEY_CHARS;
        if (Character.isHighSurrogate(key.charAt(end - 1))) {
            end--;
        }
        return key.substring(0, end);
    }

    private static final class Random extends PartitionKeyStrategy {
        @Override
        String rawKeyFor(LogEventView event) {
            return randomKey();
        }

        @Override
        public boolean keepsKeys() {
            return false;
        }
    }

    private static final class Constant extends PartitionKeyStrategy {
        private final String value;

        Constant(String value) {
            this.value = limit(value);
        }

        @Override
        String rawKeyFor(LogEventView event) {
            return value;
        }
    }

    private static final class FromThread extends PartitionKeyStrategy {
        @Override
        String rawKeyFor(LogEventView event) {
            return event.threadName();
        }
    }

    /** The value of an MDC entry or a structured field, or the fallback's key when the event lacks it. */
    private static final class FromEvent extends PartitionKeyStrategy {
        private final String key;
        private final boolean mdc;
        private final PartitionKeyStrategy fallback;

        FromEvent(String key, boolean mdc, PartitionKeyStrategy fallback) {
            this.key = key;
            this.mdc = mdc;
            this.fallback = fallback;
        }

        @Override
        String rawKeyFor(LogEventView event) {
            Object[] found = new Object[1];
            LogEventView.KeyValueVisitor<Object> finder = (name, value) -> {
                if (found[0] == null && key.equals(name)) {
                    found[0] = value;
                }
            };
            if (mdc) {
                event.forEachMdc(finder::accept);
            } else {
                event.forEachField(finder);
            }
            String text = null;
            try {
                text = found[0] == null ? null : found[0].toString();
            } catch (RuntimeException e) {
                // a broken toString(): use the fallback
            }
            return text == null || text.isEmpty() ? fallback.keyFor(event) : text;
        }
    }
}
