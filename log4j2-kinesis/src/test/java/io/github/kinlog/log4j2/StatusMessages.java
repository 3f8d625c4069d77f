package io.github.kinlog.log4j2;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Collects what reaches Log4j2's StatusLogger while it is open. */
final class StatusMessages implements StatusListener {
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    StatusMessages() {
        StatusLogger.getLogger().registerListener(this);
    }

    @Override
    public void log(StatusData data) {
        messages.add(data.getLevel() + " " + data.getMessage().getFormattedMessage());
    }

    @Override
    public Level getStatusLevel() {
        return Level.INFO;
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    /** Stops listening. StatusLogger.removeListener calls close() itself, hence the flag. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            StatusLogger.getLogger().removeListener(this);
        }
    }
}
