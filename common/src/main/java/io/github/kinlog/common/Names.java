package io.github.kinlog.common;

import java.util.regex.Pattern;

/** The shapes of names the configuration and the Redshift generator both accept. */
public final class Names {
    private Names() {}

    /** A Kinesis stream name (not an ARN). */
    public static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");

    /** An AWS region such as eu-west-1. */
    public static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    /** A static field name: one Redshift can address without quoting tricks. */
    public static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
}
