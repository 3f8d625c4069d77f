package io.github.kinlog.common.send;

/** What became of one record in a PutRecords call, in the terms the sender acts on. */
public enum RecordOutcome {
    /** Stored in the stream. */
    OK,
    /** Not stored this time (a 5xx, a timeout, the network): resend after a backoff. */
    RETRY,
    /** Refused for throughput: resend after a backoff, and slow down. */
    THROTTLED,
    /**
     * The stream, its key or the access to them is wrong (missing stream, denied access, KMS, no credentials or
     * region): fixable outside, so hold every record and probe until it works.
     */
    CONFIGURATION,
    /** Invalid as sent: resending the same record cannot succeed, so it is dropped. */
    REJECTED
}
