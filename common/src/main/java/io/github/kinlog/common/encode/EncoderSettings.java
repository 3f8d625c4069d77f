package io.github.kinlog.common.encode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the encoder needs from the configuration. Validated by {@link io.github.kinlog.common.KinlogConfig}.
 *
 * @param maxStringBytes the most UTF-8 bytes any string value may take
 * @param maxRecordBytes the most bytes a record may take, partition key included
 * @param maxStackFrames the most frames shown per throwable
 * @param service written as {@code service}, or null
 * @param env written as {@code env}, or null
 * @param host written as {@code host}; null to use this machine's name
 * @param staticFields written as top-level fields, in order
 */
public record EncoderSettings(
        int maxStringBytes,
        int maxRecordBytes,
        int maxStackFrames,
        String service,
        String env,
        String host,
        Map<String, String> staticFields) {

    public EncoderSettings {
        staticFields = Collections.unmodifiableMap(new LinkedHashMap<>(staticFields));
    }
}
