package io.github.kinlog.common.send;

import java.util.Locale;

/** How events become Kinesis records. */
public enum RecordFormat {
    /** One event per record, a JSON object: what every consumer of a stream of JSON expects. The default. */
    SINGLE,
    /**
     * Several events per record, a JSON array of whole events, formed when a request is formed; a record of one
     * event is the event itself. Kinesis bills and limits by record, so this costs a fraction; every consumer must
     * read arrays (the generated Redshift SQL does).
     */
    PACKED;

    /** Parses {@code single} and {@code packed}, in any case. */
    public static RecordFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("recordFormat must be single or packed, but is '" + text + "'");
        }
    }

    /** The name as written in configuration. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
