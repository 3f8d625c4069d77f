package io.github.kinlog.log4j2;

import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.KinlogConfigException;
import io.github.kinlog.common.Options;
import io.github.kinlog.common.encode.EventEncoder;
import java.util.HashMap;
import java.util.Map;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginConfiguration;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.impl.LocationAware;
import org.apache.logging.log4j.core.layout.AbstractLayout;

/**
 * Kinlog's JSON event schema as a layout for any appender, for example a file an agent ships:
 * {@code <File name="json" fileName="app.jsonl"><KinlogJsonLayout service="shop"/></File>}. Each event is one JSON
 * object followed by {@code eventDelimiter} (a newline by default). The Kinesis appender writes this JSON itself and
 * needs no layout.
 */
@Plugin(name = "KinlogJsonLayout", category = Node.CATEGORY, elementType = Layout.ELEMENT_TYPE, printObject = true)
public final class KinlogJsonLayout extends AbstractLayout<byte[]> implements LocationAware {
    private final EventEncoder encoder;
    private final byte[] delimiter;
    private final boolean includeLocation;

    private KinlogJsonLayout(
            Configuration configuration, EventEncoder encoder, byte[] delimiter, boolean includeLocation) {
        super(configuration, null, null);
        this.encoder = encoder;
        this.delimiter = delimiter;
        this.includeLocation = includeLocation;
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    @Override
    public byte[] toByteArray(LogEvent event) {
        return encoder.encodeLine(new Log4jEventView(event, includeLocation), delimiter);
    }

    @Override
    public byte[] toSerializable(LogEvent event) {
        return toByteArray(event);
    }

    @Override
    public String getContentType() {
        return "application/json; charset=utf-8";
    }

    @Override
    public Map<String, String> getContentFormat() {
        Map<String, String> format = new HashMap<>();
        format.put("format", "kinlog-json");
        format.put("schema_version", "1");
        return format;
    }

    @Override
    public boolean requiresLocation() {
        return includeLocation;
    }

    /** The encoder options of the Kinesis appender, with the same names and defaults, and the delimiter. */
    public static final class Builder implements org.apache.logging.log4j.core.util.Builder<KinlogJsonLayout> {
        @PluginConfiguration
        private Configuration configuration;

        @PluginBuilderAttribute
        private String service;

        @PluginBuilderAttribute
        private String env;

        @PluginBuilderAttribute
        private String host;

        @PluginElement("Fields")
        private StaticField[] fields = new StaticField[0];

        @PluginBuilderAttribute
        private Integer maxStringBytes;

        @PluginBuilderAttribute
        private Integer maxRecordBytes;

        @PluginBuilderAttribute
        private Integer maxStackFrames;

        @PluginBuilderAttribute
        private Boolean includeLocation;

        @PluginBuilderAttribute
        private String eventDelimiter = "\n";

        @Override
        public KinlogJsonLayout build() {
            KinlogConfig.Builder options = PluginOptions.read(this, KinlogConfig.builder());
            for (StaticField field : fields) {
                options.staticField(field.getName(), field.getValue());
            }
            try {
                return new KinlogJsonLayout(
                        configuration,
                        new EventEncoder(options.buildEncoderSettings()),
                        EventEncoder.delimiter(eventDelimiter),
                        options.get(Options.INCLUDE_LOCATION));
            } catch (KinlogConfigException e) {
                StatusLoggerListener.INSTANCE.error("KinlogJsonLayout is not created. " + e.getMessage(), null);
                return null;
            }
        }

        public Builder setConfiguration(Configuration configuration) {
            this.configuration = configuration;
            return this;
        }

        public Builder setService(String service) {
            this.service = service;
            return this;
        }

        public Builder setEnv(String env) {
            this.env = env;
            return this;
        }

        public Builder setHost(String host) {
            this.host = host;
            return this;
        }

        public Builder setFields(StaticField... fields) {
            this.fields = fields.clone();
            return this;
        }

        public Builder setMaxStringBytes(int maxStringBytes) {
            this.maxStringBytes = maxStringBytes;
            return this;
        }

        public Builder setMaxRecordBytes(int maxRecordBytes) {
            this.maxRecordBytes = maxRecordBytes;
            return this;
        }

        public Builder setMaxStackFrames(int maxStackFrames) {
            this.maxStackFrames = maxStackFrames;
            return this;
        }

        public Builder setIncludeLocation(boolean includeLocation) {
            this.includeLocation = includeLocation;
            return this;
        }

        public Builder setEventDelimiter(String eventDelimiter) {
            this.eventDelimiter = eventDelimiter;
            return this;
        }
    }
}
