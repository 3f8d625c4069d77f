package io.github.kinlog.common.testing;

import io.github.kinlog.common.status.StatusListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every status message, prefixed by its level, and the causes given with them. */
public final class RecordingStatus implements StatusListener {
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<Throwable> causes = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        messages.add("INFO " + message);
    }

    @Override
    public void warn(String message, Throwable cause) {
        messages.add("WARN " + message);
        keep(cause);
    }

    @Override
    public void error(String message, Throwable cause) {
        messages.add("ERROR " + message);
        keep(cause);
    }

    private void keep(Throwable cause) {
        if (cause != null) {
            causes.add(cause);
        }
    }

    /** The causes passed with warnings and errors, for their stack traces. */
    public List<Throwable> causes() {
        return List.copyOf(causes);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    public List<String> at(String level) {
        return messages.stream()
                .filter(message -> message.startsWith(level + " "))
                .toList();
    }
}
