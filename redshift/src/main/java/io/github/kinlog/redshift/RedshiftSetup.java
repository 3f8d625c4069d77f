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
 * What to generate the Redshift objects for: the stream, the names of the schema, views, table and procedure, the
 * retention, the IAM role, where the scheduled load runs, and the static fields and promoted entries of the appender's
 * configuration. {@link #files()} renders everything.
 */
public final class RedshiftSetup {
    public static final String DEFAULT_STREAM = "app-logs";
    public static final String DEFAULT_EXTERNAL_SCHEMA = "kinlog_kinesis";
    public static final String DEFAULT_STREAMING_VIEW = "kinlog_events_raw";
    public static final String DEFAULT_TABLE = "kinlog_events";
    public static final String DEFAULT_LIVE_VIEW = "kinlog_events_live";
    public static final String DEFAULT_LOAD_PROCEDURE = "kinlog_load";
    public static final String DEFAULT_LOAD_LOG = "kinlog_load_log";
    public static final String DEFAULT_IAM_ROLE = "default";
    public static final String DEFAULT_WORKGROUP = "kinlog";
    public static final String DEFAULT_DATABASE = "dev";
    public static final String DEFAULT_SCHEDULE = "rate(1 minute)";

    private static final Pattern STREAM_NAME = Names.STREAM_NAME;
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern REGION = Names.REGION;
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern KMS_KEY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[\\w-]+");
    private static final Pattern WORKGROUP = Pattern.compile("[a-z0-9-]{3,64}");
    private static final Pattern CLUSTER = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern DATABASE = Pattern.compile("[a-z_][a-z0-9_$]{0,126}");
    private static final Pattern SCHEDULE = Pattern.compile("rate\\([1-9][0-9]* (minute|minutes|hour|hours|day|days)\\)"
            + "|cron\\([0-9*?/,LW#-]+( [0-9A-Za-z*?/,LW#-]+){5}\\)");

    private final String streamName;
    private final String externalSchema;
    private final String streamingView;
    private final String table;
    private final String liveView;
    private final String loadProcedure;
    private final String loadLog;
    private final Integer retentionDays;
    private final String iamRole;
    private final String region;
    private final String accountId;
    private final String kmsKeyArn;
    private final String workgroup;
    private final String clusterId;
    private final String database;
    private final String schedule;
    private final List<String> staticFields;
    private final List<PromotedColumn> promoted;
    private final List<ViewColumn> columns;

    private RedshiftSetup(Builder b) {
        this.streamName = b.streamName;
        this.externalSchema = b.externalSchema;
        this.streamingView = b.streamingView;
        this.table = b.table;
        this.liveView = b.liveView;
        this.loadProcedure = b.loadProcedure;
        this.loadLog = b.loadLog;
        this.retentionDays = b.retentionDays;
        this.iamRole = b.iamRole;
        this.region = b.region;
        this.accountId = b.accountId;
        this.kmsKeyArn = b.kmsKeyArn;
        this.workgroup = b.workgroup;
        this.clusterId = b.clusterId;
        this.database = b.database;
        this.schedule = b.schedule;
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
        Schedules schedules = new Schedules(this);
        files.put("01-streaming-ingestion.sql", sql.streamingIngestion());
        files.put("02-events-table.sql", sql.eventsTable());
        files.put("03-monitoring.sql", sql.monitoring());
        files.put("04-dashboards.sql", sql.dashboards());
        files.put("redshift-data-statements.json", sql.dataApiStatements());
        files.put("producer-policy.json", iam.producer());
        files.put("redshift-role-policy.json", iam.redshiftRole());
        files.put("redshift-trust-policy.json", iam.redshiftTrust());
        files.put("eventbridge-schedule.sh", schedules.eventBridgeScript());
        files.put("eventbridge-trust-policy.json", schedules.eventBridgeTrust());
        files.put("airflow_kinlog_load.py", schedules.airflowDag());
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

    /** The typed table, one row per event. */
    public String table() {
        return table;
    }

    /** The table and what has arrived since the last load, one row per event. */
    public String liveView() {
        return liveView;
    }

    /** The stored procedure that loads what has arrived into the table. */
    public String loadProcedure() {
        return loadProcedure;
    }

    /** The table with one row per load. */
    public String loadLog() {
        return loadLog;
    }

    /** How many days events stay in the table, or null for ever. */
    public Integer retentionDays() {
        return retentionDays;
    }

    /** The Redshift Serverless workgroup the scheduled load runs in, or null on a provisioned cluster. */
    public String workgroup() {
        return clusterId == null ? workgroup : null;
    }

    /** The provisioned cluster the scheduled load runs in, or null on Redshift Serverless. */
    public String clusterId() {
        return clusterId;
    }

    /** The database holding the objects. */
    public String database() {
        return database;
    }

    /** The EventBridge schedule expression of the load. */
    public String schedule() {
        return schedule;
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
        private String table = DEFAULT_TABLE;
        private String liveView = DEFAULT_LIVE_VIEW;
        private String loadProcedure = DEFAULT_LOAD_PROCEDURE;
        private String loadLog = DEFAULT_LOAD_LOG;
        private Integer retentionDays;
        private String iamRole = DEFAULT_IAM_ROLE;
        private String region;
        private String accountId;
        private String kmsKeyArn;
        private String workgroup = DEFAULT_WORKGROUP;
        private String clusterId;
        private String database = DEFAULT_DATABASE;
        private String schedule = DEFAULT_SCHEDULE;
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

        public Builder table(String value) {
            SqlNames.checkRelationName("table", value);
            this.table = value;
            return this;
        }

        public Builder liveView(String value) {
            SqlNames.checkRelationName("live view", value);
            this.liveView = value;
            return this;
        }

        public Builder loadProcedure(String value) {
            SqlNames.checkRelationName("load procedure", value);
            this.loadProcedure = value;
            return this;
        }

        public Builder loadLog(String value) {
            SqlNames.checkRelationName("load log", value);
            this.loadLog = value;
            return this;
        }

        /** Days an event stays in the table after its time; null keeps every event. */
        public Builder retentionDays(Integer value) {
            if (value != null && (value < 1 || value > 36_500)) {
                throw new IllegalArgumentException("retention days must be from 1 to 36500, but is " + value);
            }
            this.retentionDays = value;
            return this;
        }

        public Builder workgroup(String value) {
            this.workgroup = check("workgroup", value, WORKGROUP, "3 to 64 lower-case letters, digits or '-'");
            return this;
        }

        /** A provisioned cluster instead of a Serverless workgroup. */
        public Builder clusterId(String value) {
            this.clusterId = value == null
                    ? null
                    : check("cluster identifier", value, CLUSTER, "a cluster identifier such as my-cluster");
            return this;
        }

        public Builder database(String value) {
            this.database = check("database", value, DATABASE, "a database name such as dev");
            return this;
        }

        /** An EventBridge schedule expression: rate(1 minute), rate(5 minutes), cron(...). */
        public Builder schedule(String value) {
            this.schedule =
                    check("schedule", value, SCHEDULE, "an EventBridge schedule expression such as rate(1 minute)");
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
            List<String> names = List.of(streamingView, table, liveView, loadProcedure, loadLog);
            if (new LinkedHashSet<>(names).size() != names.size()) {
                throw new IllegalArgumentException(
                        "the names of the streaming view, table, live view, load procedure and load log must differ: "
                                + names);
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
