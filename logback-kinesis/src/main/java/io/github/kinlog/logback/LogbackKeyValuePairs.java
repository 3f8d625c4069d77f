package io.github.kinlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.kinlog.common.event.LogEventView.KeyValueVisitor;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/** SLF4J 2's key-value pairs, in a class of their own: only loaded where Logback has them (1.3 and newer). */
final class LogbackKeyValuePairs {
    private LogbackKeyValuePairs() {}

    static void forEach(ILoggingEvent event, KeyValueVisitor<Object> visitor) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                visitor.accept(pair.key, pair.value);
            }
        }
    }
}
