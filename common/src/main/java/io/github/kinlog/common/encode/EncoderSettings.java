package io.github.kinlog.common.encode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the encoder needs from the configuration. Validated by {@link io.github.kinlog.common.KinlogConfig}.
 */
public final class EncoderSettings {
    private final int maxStringBytes;
    private final int maxRecordBytes;
    private final int maxStackFrames;
    private final String service;
    private final String env;
    private final String host;
    private final Map<String, String> staticFields;

    public EncoderSettings(
            int maxStringBytes,
            int maxRecordBytes,
            int maxStackFrames,
            String service,
            String env,
            String host,
            Map<String, String> staticFields) {
        staticFields = Collections.unmodifiableMap(new LinkedHashMap<>(staticFields));
        this.maxStringBytes = maxStringBytes;
        this.maxRecordBytes = maxRecordBytes;
        this.maxStackFrames = maxStackFrames;
        this.service = service;
        this.env = env;
        this.host = host;
        this.staticFields = staticFields;
    }

    /** The most UTF-8 bytes any string value may take. */
    public int maxStringBytes() {
        return maxStringBytes;
    }

    /** The most bytes a record may take, partition key included. */
    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /** The most frames shown per throwable. */
    public int maxStackFrames() {
        return maxStackFrames;
    }

    /** Written as {@code service}, or null. */
    public String service() {
        return service;
    }

    /** Written as {@code env}, or null. */
    public String env() {
        return env;
    }

    /** Written as {@code host}; null to use this machine's name. */
    public String host() {
        return host;
    }

    /** Written as top-level fields, in order. */
    public Map<String, String> staticFields() {
        return staticFields;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof EncoderSettings)) {
            return false;
        }
        EncoderSettings that = (EncoderSettings) other;
        return maxStringBytes == that.maxStringBytes
                && maxRecordBytes == that.maxRecordBytes
                && maxStackFrames == that.maxStackFrames
                && Objects.equals(service, that.service)
                && Objects.equals(env, that.env)
                && Objects.equals(host, that.host)
                && Objects.equals(staticFields, that.staticFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxStringBytes, maxRecordBytes, maxStackFrames, service, env, host, staticFields);
    }

    @Override
    public String toString() {
        return "EncoderSettings[" + "maxStringBytes=" + maxStringBytes + ", maxRecordBytes=" + maxRecordBytes
                + ", maxStackFrames=" + maxStackFrames + ", service=" + service + ", env=" + env + ", host=" + host
                + ", staticFields=" + staticFields + "]";
    }
}
