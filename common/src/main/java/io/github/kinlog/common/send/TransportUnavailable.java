package io.github.kinlog.common.send;

/** No transport could be made (no region, no credentials, an SDK too old): a configuration error, retried later. */
final class TransportUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param why the reason in one line, for a person */
    TransportUnavailable(String why, Throwable cause) {
        super(why, cause, false, false);
    }
}
