package io.github.kinlog.common.send;

import io.github.kinlog.common.status.Causes;

/**
 * A transport's answer to one PutRecords call: an outcome per record, in the order the records were given, or one
 * failure for the whole request (nothing was stored).
 */
public final class PutAnswer {
    private final RecordOutcome[] outcomes;
    private final String[] errors;
    private final RecordOutcome requestOutcome;
    private final String failure;
    private final Throwable cause;

    private PutAnswer(
            RecordOutcome[] outcomes, String[] errors, RecordOutcome requestOutcome, String failure, Throwable cause) {
        this.outcomes = outcomes;
        this.errors = errors;
        this.requestOutcome = requestOutcome;
        this.failure = failure;
        this.cause = cause;
    }

    /**
     * Kinesis answered record by record.
     *
     * @param errors for each record not {@link RecordOutcome#OK}, its error ({@code code: message}); null when every
     *     record is stored
     */
    public static PutAnswer perRecord(RecordOutcome[] outcomes, String[] errors) {
        return new PutAnswer(outcomes, errors, null, null, null);
    }

    /**
     * The request failed as a whole: every record has {@code outcome}.
     *
     * @param why the failure in one line, for a person
     * @param cause what was thrown, or null
     */
    public static PutAnswer requestFailed(RecordOutcome outcome, String why, Throwable cause) {
        if (outcome == RecordOutcome.OK) {
            throw new IllegalArgumentException("a failed request stores nothing");
        }
        return new PutAnswer(null, null, outcome, why, cause);
    }

    /** A transport broke its contract (threw, or failed its future): resend, as for any passing failure. */
    static PutAnswer unexpected(Throwable thrown) {
        Throwable cause = Causes.unwrap(thrown);
        return requestFailed(RecordOutcome.RETRY, Causes.oneLine(cause), cause);
    }

    public boolean requestFailed() {
        return outcomes == null;
    }

    /** Whether the answer speaks for exactly this many records; a failed request speaks for any number. */
    boolean covers(int records) {
        return outcomes == null || outcomes.length == records;
    }

    /** How many outcomes Kinesis gave, one per record it was sent. */
    int outcomes() {
        return outcomes == null ? 0 : outcomes.length;
    }

    public RecordOutcome outcome(int record) {
        return outcomes == null ? requestOutcome : outcomes[record];
    }

    /** The error of a record that was not stored, or of the whole request. */
    public String error(int record) {
        if (outcomes == null) {
            return failure;
        }
        return errors == null ? null : errors[record];
    }

    /** The whole request's failure in one line; null when Kinesis answered per record. */
    public String failure() {
        return failure;
    }

    /** What the whole request's failure threw, or null. */
    public Throwable cause() {
        return cause;
    }
}
