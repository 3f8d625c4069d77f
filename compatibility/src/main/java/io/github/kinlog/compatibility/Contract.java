package io.github.kinlog.compatibility;

/** What both contract programs log, and what the suite then expects to find in the stream. */
public final class Contract {
    public static final String LOGGER = "com.example.Shop";
    public static final String MDC_KEY = "order_id";
    public static final String MDC_VALUE = "42";
    public static final String MARKER = "AUDIT";
    public static final String MARKER_REFERENCE = "PII";
    public static final String PLACED = "order 42 placed";
    public static final String PAID = "paid";
    public static final String FIELD = "amount";
    public static final String FAILED = "payment failed";
    public static final String CAUSE = "card declined";
    public static final int EVENTS = 3;
    /** Printed by a program once its framework has stopped, and so Kinlog has flushed. */
    public static final String STOPPED = "contract: framework stopped";

    private Contract() {}

    /** What a program prints at its end: that the framework stopped, and on which Java, such as "on Java 25". */
    static String stopped() {
        return STOPPED + " on Java " + System.getProperty("java.specification.version");
    }

    static RuntimeException failure() {
        return new RuntimeException(FAILED, new IllegalStateException(CAUSE));
    }
}
