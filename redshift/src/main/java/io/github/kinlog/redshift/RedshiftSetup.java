package io.github.kinlog.redshift;

import io.github.kinlog.common.Names;
import io.github.kinlog.common.encode.EventField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to generate the Redshift objects for: the stream, the names of the schema and views, the IAM role, and the
 * static fields and promoted entries of the appender's configuration. {@link #files()} renders everything.
 */
public final class RedshiftSetup {
    public static final String DEFAULT_STREAM = "app-logs";
    public static final String DEFAULT_EXTERNAL_SCHEMA = "kinlog_kinesis";
    public static final String DEFAULT_STREAMING_VIEW = "kinlog_events_raw";
    public static final String DEFAULT_EVENTS_VIEW = "kinlog_events";
    public static final String DEFAULT_UNIQUE_VIEW = "kinlog_events_unique";
    public static final String DEFAULT_IAM_ROLE = "default";

    private static final Pattern STREAM_NAME = Names.STREAM_NAME;
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern REGION = Names.REGION;
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern KMS_KEY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[\\w-]+");

    private final String streamName;
    private final String externalSchema;
    private final String streamingView;
    private final String eventsView;
    private final String uniqueView;
    private final String iamRole;
    private final String region;
    private final String accountId;
    private final String kmsKeyArn;
    private final List<String> staticFields;
    private final List<PromotedColumn> promoted;
    private final List<ViewColumn> columns;

    private RedshiftSetup(Builder b) {
        this.streamName = b.streamName;
        this.externalSchema = b.externalSchema;
        this.streamingView = b.streamingView;
        this.eventsView = b.eventsView;
        this.uniqueView = b.uniqueView;
        this.iamRole = b.iamRole;
        this.region = b.region;
        this.accountId = b.accountId;
        this.kmsKeyArn = b.kmsKeyArn;
        this.staticFields = List.copyOf(b.staticFields);
        this.promoted = List.copyOf(b.promoted);
        this.columns = EventColumns.of(staticFields, promoted);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every generated file by name, in reading order: the SQL to run, the queries, and the IAM policies. */
    public Map<String, String> files() {
        RedshiftSql sql = new RedshiftSql(this);
        IamPolicies iam = new IamPolicies(this);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("01-streaming-ingestion.sql", sql.streamingIngestion());
        files.put("02-monitoring.sql", sql.monitoring());
        files.put("03-dashboards.sql", sql.dashboards());
        files.put("redshift-data-statements.json", sql.dataApiStatements());
        files.put("producer-policy.json", iam.producer());
        files.put("redshift-role-policy.json", iam.redshiftRole());
        files.put("redshift-trust-policy.json", iam.redshiftTrust());
        return files;
    }

    public String streamName() {
        return streamName;
    }

    public String externalSchema() {
        return externalSchema;
    }

    public String streamingView() {
        return streamingView;
    }

    public String eventsView() {
        return eventsView;
    }

    public String uniqueView() {
        return uniqueView;
    }

    /** {@code default} or a role ARN. */
    public String iamRole() {
        return iamRole;
    }

    /** The stream's region, or null for the cluster's own. */
    public String region() {
        return region;
    }

    /** The stream's account, or null (the policies then match any account). */
    public String accountId() {
        return accountId;
    }

    /** The customer-managed KMS key encrypting the stream, or null. */
    public String kmsKeyArn() {
        return kmsKeyArn;
    }

    public List<String> staticFields() {
        return staticFields;
    }

    public List<PromotedColumn> promoted() {
        return promoted;
    }

    /** The typed view's columns. */
    public List<ViewColumn> columns() {
        return columns;
    }

    /** The AWS partition the ARNs use, from the region. */
    String partition() {
        if (region == null) {
            return "aws";
        }
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** Collects and checks the parameters; every setter has a default except none. */
    public static final class Builder {
        private String streamName = DEFAULT_STREAM;
        private String externalSchema = DEFAULT_EXTERNAL_SCHEMA;
        private String streamingView = DEFAULT_STREAMING_VIEW;
        private String eventsView = DEFAULT_EVENTS_VIEW;
        private String uniqueView = DEFAULT_UNIQUE_VIEW;
        private String iamRole = DEFAULT_IAM_ROLE;
        private String region;
        private String accountId;
        private String kmsKeyArn;
        private final LinkedHashSet<String> staticFields = new LinkedHashSet<>();
        private final List<PromotedColumn> promoted = new ArrayList<>();

        private Builder() {}

        public Builder streamName(String value) {
            this.streamName = check("stream name", value, STREAM_NAME, "1 to 128 letters, digits, '_', '.' or '-'");
            return this;
        }

        public Builder externalSchema(String value) {
            SqlNames.checkRelationName("external schema", value);
            if (value.contains(".")) {
                throw new IllegalArgumentException("external schema '" + value + "' cannot be qualified");
            }
            this.externalSchema = value;
            return this;
        }

        public Builder streamingView(String value) {
            SqlNames.checkRelationName("streaming view", value);
            this.streamingView = value;
            return this;
        }

        public Builder eventsView(String value) {
            SqlNames.checkRelationName("events view", value);
            this.eventsView = value;
            return this;
        }

        public Builder uniqueView(String value) {
            SqlNames.checkRelationName("unique view", value);
            this.uniqueView = value;
            return this;
        }

        /** {@code default} (the namespace's or cluster's default role) or a role ARN. */
        public Builder iamRole(String value) {
            if (!DEFAULT_IAM_ROLE.equals(value)) {
                check("IAM role", value, ROLE_ARN, "'default' or a role ARN, arn:aws:iam::123456789012:role/name");
            }
            this.iamRole = value;
            return this;
        }

        public Builder region(String value) {
            this.region = value == null ? null : check("region", value, REGION, "a region such as eu-west-1");
            return this;
        }

        public Builder accountId(String value) {
            this.accountId = value == null ? null : check("account id", value, ACCOUNT, "12 digits");
            return this;
        }

        public Builder kmsKeyArn(String value) {
            this.kmsKeyArn = value == null
                    ? null
                    : check("KMS key", value, KMS_KEY_ARN, "a key ARN, arn:aws:kms:region:account:key/id");
            return this;
        }

        /** A static field configured on the appender, typed as text. */
        public Builder staticField(String name) {
            Objects.requireNonNull(name, "name");
            if (!Names.FIELD_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("static field name '" + name + "' is not one the appender accepts:"
                        + " 1 to 128 letters, digits or '_', not starting with a digit");
            }
            if (EventField.reservedNames().contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is an event field, so the appender refuses it as a"
                        + " static field name; its column is there already");
            }
            staticFields.add(name);
            return this;
        }

        /** An MDC entry or structured field with its own typed column, as {@code [column=]mdc.key:type}. */
        public Builder promote(String spec) {
            return promote(PromotedColumn.parse(spec));
        }

        public Builder promote(PromotedColumn column) {
            promoted.add(Objects.requireNonNull(column, "column"));
            return this;
        }

        /** Throws IllegalArgumentException when names clash. */
        public RedshiftSetup build() {
            List<String> views = List.of(streamingView, eventsView, uniqueView);
            if (new LinkedHashSet<>(views).size() != views.size()) {
                throw new IllegalArgumentException("the three view names must differ: " + views);
            }
            return new RedshiftSetup(this);
        }

        private static String check(String what, String value, Pattern pattern, String expected) {
            if (value == null || !pattern.matcher(value).matches()) {
                throw new IllegalArgumentException(what + " must be " + expected + ", but is '" + value + "'");
            }
            return value;
        }
    }
}
