package io.github.kinlog.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The configuration is invalid; the message lists every problem found, one per line. */
public final class KinlogConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public KinlogConfigException(List<String> problems) {
        super("Invalid Kinlog configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
    }

    public List<String> problems() {
        return problems;
    }
}
