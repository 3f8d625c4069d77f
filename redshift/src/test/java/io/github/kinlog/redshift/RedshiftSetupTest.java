package io.github.kinlog.redshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinlog.common.encode.EncoderSettings;
import io.github.kinlog.common.encode.EventEncoder;
import io.github.kinlog.common.encode.EventField;
import io.github.kinlog.common.encode.NestedField;
import io.github.kinlog.common.testing.TestEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedshiftSetupTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The SQL statements of a script, each with the comment lines above it. A statement ends with a line ending in ';'
     * outside a $$-quoted procedure body.
     */
    static List<String[]> statements(String script) {
        List<String[]> statements = new ArrayList<>();
        StringBuilder comment = new StringBuilder();
        StringBuilder sql = new StringBuilder();
        boolean quoted = false;
        for (String line : script.split("\n", -1)) {
            if (!quoted && sql.length() == 0 && (line.startsWith("--") || line.isBlank())) {
                if (line.startsWith("--")) {
                    comment.append(line).append('\n');
                }
                continue;
            }
            sql.append(line).append('\n');
            if ((line.length() - line.replace("$$", "").length()) / 2 % 2 == 1) {
                quoted = !quoted;
            }
            if (!quoted && line.endsWith(";")) {
                String text = sql.toString().strip();
                statements.add(new String[] {comment.toString(), text.substring(0, text.length() - 1)});
                comment.setLength(0);
                sql.setLength(0);
            }
        }
        return statements;
    }

    private static String ddl(RedshiftSetup setup) {
        return setup.files().get("01-streaming-ingestion.sql");
    }

    private static String tableScript(RedshiftSetup setup) {
        return setup.files().get("02-events-table.sql");
    }

    /** The statement of the table script that starts so. */
    private static String tableStatement(RedshiftSetup setup, String start) {
        return statements(tableScript(setup)).stream()
                .map(s -> s[1])
                .filter(s -> s.startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no statement starting " + start));
    }

    @Test
    void everyStatementNamesTheAwsDocumentationItReliesOn() {
        RedshiftSetup setup = RedshiftSetup.builder().build();
        for (String file : List.of("01-streaming-ingestion.sql", "02-events-table.sql", "03-monitoring.sql")) {
            List<String[]> statements = statements(setup.files().get(file));
            assertThat(statements).isNotEmpty();
            for (String[] statement : statements) {
                assertThat(statement[0]).as(statement[1]).contains("https://docs.aws.amazon.com/redshift/latest/dg/");
            }
        }
        assertThat(statements(ddl(setup))).hasSize(2);
        assertThat(statements(tableScript(setup))).hasSize(4);
    }

    @Test
    void theStreamingViewKeepsThePayloadWholeAndSkipsWhatIsNotJson() {
        String sql = statements(
                        ddl(RedshiftSetup.builder().streamName("Shop.Logs-1").build()))
                .stream()
                .map(s -> s[1])
                .filter(s -> s.startsWith("CREATE MATERIALIZED VIEW"))
                .findFirst()
                .orElseThrow();

        assertThat(sql)
                .contains("AUTO REFRESH YES")
                .contains("SORTKEY (approximate_arrival_timestamp)")
                .contains("JSON_PARSE(kinesis_data) AS payload")
                .contains("WHERE CAN_JSON_PARSE(kinesis_data)")
                .contains("FROM kinlog_kinesis.\"Shop.Logs-1\"");
        for (ViewColumn column : EventColumns.KINESIS) {
            assertThat(sql).contains("    " + column.name() + ",\n");
        }
        // No SUPER navigation inside the streaming view: Redshift refuses it there.
        assertThat(sql).doesNotContain("payload.");
    }

    @Test
    void theTableAndTheLoadHaveAColumnForEveryFieldTheEncoderWrites() throws Exception {
        RedshiftSetup setup = RedshiftSetup.builder()
                .staticField("region")
                .promote("mdc.user_id:varchar(64)")
                .promote("amount=fields.total:decimal(12,2)")
                .build();
        String typed = tableStatement(setup, "CREATE OR REPLACE PROCEDURE");
        String table = tableStatement(setup, "CREATE TABLE IF NOT EXISTS kinlog_events (");
        for (ViewColumn column : setup.columns()) {
            assertThat(table)
                    .contains("    " + column.name() + " " + column.type().sql());
        }
        assertThat(table).endsWith(")\nDISTSTYLE AUTO\nSORTKEY (ts)\nENCODE AUTO");

        // Encode an event with every part present and check each top-level member has its column.
        EventEncoder encoder = new EventEncoder(new EncoderSettings(
                65_535, 1 << 20, 100, "shop", "prod", "h", new LinkedHashMap<>(Map.of("region", "eu-west-1"))));
        TestEvent event = TestEvent.typical().field("total", 12.5).error(new IllegalStateException("boom"));
        event.markers.add("AUDIT");
        event.ndc.add("outer");
        event.source = new io.github.kinlog.common.event.SourceLocation("C", "m", "C.java", 3);
        event.message("x".repeat(70_000));
        JsonNode json = new ObjectMapper().readTree(encoder.encode(event, 0));
        json.fieldNames().forEachRemaining(name -> {
            if (name.equals(EventField.ERROR.jsonName())) {
                json.get(name)
                        .fieldNames()
                        .forEachRemaining(member -> assertThat(typed).contains("event.\"error\".\"" + member + "\""));
            } else {
                assertThat(typed).contains("event.\"" + name + "\"");
            }
        });
        for (EventField field : EventField.values()) {
            if (field != EventField.ERROR) {
                assertThat(json.has(field.jsonName())).as(field.jsonName()).isTrue();
            }
        }
        assertThat(typed)
                .contains("CAST(event.\"ts\" AS TIMESTAMP) AS ts")
                .contains("CAST(event.\"event_id\" AS VARCHAR(36)) AS event_id")
                .contains("CAST(event.\"message\" AS VARCHAR(65535)) AS message")
                .contains("CAST(event.\"error\".\"stack\" AS VARCHAR(65535)) AS error_stack")
                .contains("event.\"mdc\" AS mdc,")
                .contains("event.\"fields\" AS fields,")
                .contains("CAST(event.\"region\" AS VARCHAR(65535)) AS region")
                .contains("CAST(event.\"mdc\".\"user_id\" AS VARCHAR(64)) AS user_id")
                .contains("CAST(event.\"fields\".\"total\" AS DECIMAL(12,2)) AS amount")
                .contains("FROM kinlog_events_raw;");
        for (NestedField member : NestedField.values()) {
            if (member.parent() == EventField.ERROR) {
                assertThat(typed).contains(" AS " + member.flatName());
            }
        }
    }

    @Test
    void theLoadIsOneTransactionThatMovesExactlyWhatItReadAndSkipsWhatTheTableHas() {
        RedshiftSetup setup = RedshiftSetup.builder().build();
        String load = tableStatement(setup, "CREATE OR REPLACE PROCEDURE kinlog_load()");

        // No statement that would end the transaction early: the default, atomic mode does the rest.
        assertThat(load).doesNotContain("COMMIT", "TRUNCATE", "NONATOMIC", "ROLLBACK");
        assertThat(load)
                .contains("LOCK kinlog_load_log;")
                .contains("CREATE TEMP TABLE kinlog_batch AS\n    SELECT approximate_arrival_timestamp, partition_key,"
                        + " shard_id, sequence_number, refresh_time, payload\n    FROM kinlog_events_raw;")
                .contains("PARTITION BY CAST(event.\"event_id\" AS VARCHAR(36))\n"
                        + "                ORDER BY approximate_arrival_timestamp, shard_id, sequence_number,"
                        + " event_index) AS copy_number")
                .contains("    ) AS arrived\n    WHERE event_id IS NOT NULL AND ts IS NOT NULL;")
                .contains("    FROM kinlog_batch_events AS arrived\n    WHERE arrived.copy_number = 1\n"
                        + "      AND NOT EXISTS (")
                .contains(
                        "WHERE loaded.ts BETWEEN v_min_ts AND v_max_ts\n          AND loaded.ts = arrived.ts\n"
                                + "          AND loaded.event_id = arrived.event_id);\n    GET DIAGNOSTICS v_loaded := ROW_COUNT;")
                .contains("DELETE FROM kinlog_events_raw\n    USING kinlog_batch\n"
                        + "    WHERE kinlog_events_raw.shard_id = kinlog_batch.shard_id\n"
                        + "      AND kinlog_events_raw.sequence_number = kinlog_batch.sequence_number;")
                .contains("INSERT INTO kinlog_load_log (")
                .endsWith("$$ LANGUAGE plpgsql")
                .doesNotContain("DATEADD(day");
        // The lock comes before anything is read, the delete after the insert.
        assertThat(load.indexOf("LOCK kinlog_load_log")).isLessThan(load.indexOf("CREATE TEMP TABLE kinlog_batch "));
        assertThat(load.indexOf("INSERT INTO kinlog_events ("))
                .isLessThan(load.indexOf("DELETE FROM kinlog_events_raw"));
        // Every variable it uses is declared.
        Matcher used = Pattern.compile("\\bv_([a-z_]+)").matcher(load);
        while (used.find()) {
            assertThat(load).contains("    v_" + used.group(1) + " ");
        }

        String kept = tableStatement(
                RedshiftSetup.builder().retentionDays(30).build(), "CREATE OR REPLACE PROCEDURE kinlog_load()");
        assertThat(kept)
                .contains("DELETE FROM kinlog_events\n    WHERE ts < DATEADD(day, -30, v_started);\n"
                        + "    GET DIAGNOSTICS v_expired := ROW_COUNT;")
                .contains("v_skipped, v_loaded, v_events - v_loaded, v_expired, v_oldest_arrival");
    }

    @Test
    void theLiveViewIsTheTableAndWhatHasArrivedOneRowPerEventWithTheSameColumns() {
        RedshiftSetup setup =
                RedshiftSetup.builder().promote("mdc.user_id:varchar(64)").build();
        String live = tableStatement(setup, "CREATE OR REPLACE VIEW kinlog_events_live AS");

        assertThat(live)
                .contains("FROM kinlog_events\nUNION ALL\n")
                .contains("        FROM kinlog_events_raw AS packed, packed.payload AS event AT event_index\n")
                .endsWith("WHERE copy_number = 1 AND event_id IS NOT NULL AND ts IS NOT NULL");
        List<String> selected = Arrays.stream(live.split("FROM kinlog_events\n")[0].split("\n"))
                .skip(2)
                .map(l -> l.strip().replace(",", ""))
                .toList();
        assertThat(selected)
                .containsExactlyElementsOf(
                        setup.columns().stream().map(ViewColumn::name).toList());
    }

    @Test
    void theLoadAndTheLiveViewReadObjectsAsOneEventAndUnnestOnlyArrays() {
        RedshiftSetup setup = RedshiftSetup.builder().build();
        Map<String, String> readers = Map.of(
                "kinlog_batch", tableStatement(setup, "CREATE OR REPLACE PROCEDURE kinlog_load()"),
                "kinlog_events_raw", tableStatement(setup, "CREATE OR REPLACE VIEW kinlog_events_live AS"));
        readers.forEach((from, sql) -> assertThat(sql.replaceAll("\n +", "\n"))
                .as(from)
                .contains("FROM (\nSELECT approximate_arrival_timestamp, partition_key, shard_id, sequence_number,"
                        + " refresh_time,\npayload AS event, 0 AS event_index\nFROM " + from
                        + "\nWHERE IS_OBJECT(payload)\nUNION ALL\n"
                        + "SELECT approximate_arrival_timestamp, partition_key, shard_id, sequence_number,"
                        + " refresh_time,\nevent, event_index\nFROM " + from
                        + " AS packed, packed.payload AS event AT event_index\nWHERE IS_ARRAY(packed.payload)\n"
                        + ") AS found\n"));
        // The streaming view keeps one row per Kinesis record, packed or not.
        assertThat(ddl(setup)).doesNotContain("IS_ARRAY", " AT ", "event_index");
    }

    @Test
    void parametersReachTheSql() {
        RedshiftSetup setup = RedshiftSetup.builder()
                .externalSchema("logs_kds")
                .streamingView("analytics.shop_raw")
                .table("analytics.shop")
                .liveView("analytics.shop_live")
                .loadProcedure("analytics.shop_load")
                .loadLog("analytics.shop_loads")
                .iamRole("arn:aws:iam::123456789012:role/redshift-streaming")
                .region("eu-west-1")
                .build();
        String sql = ddl(setup)
                + tableScript(setup)
                + setup.files().get("03-monitoring.sql")
                + setup.files().get("04-dashboards.sql");

        assertThat(sql)
                .contains("CREATE EXTERNAL SCHEMA IF NOT EXISTS logs_kds\nFROM KINESIS\nREGION 'eu-west-1'\n"
                        + "IAM_ROLE 'arn:aws:iam::123456789012:role/redshift-streaming';")
                .contains("CREATE MATERIALIZED VIEW analytics.shop_raw\n")
                .contains("CREATE TABLE IF NOT EXISTS analytics.shop (")
                .contains("CREATE TABLE IF NOT EXISTS analytics.shop_loads (")
                .contains("CREATE OR REPLACE PROCEDURE analytics.shop_load()")
                .contains("LOCK analytics.shop_loads;")
                .contains("CREATE OR REPLACE VIEW analytics.shop_live AS")
                .contains("FROM analytics.shop_live\nWHERE ts >")
                .contains("query_text ILIKE 'CALL analytics.shop_load(%'")
                .doesNotContain("kinlog_events", "enable_case_sensitive_identifier");
        assertThat(ddl(RedshiftSetup.builder().build())).contains("IAM_ROLE default;");
    }

    @Test
    void mixedCaseNamesTurnOnCaseSensitiveIdentifiersFirst() {
        RedshiftSetup setup =
                RedshiftSetup.builder().promote("mdc.traceId:varchar(32)").build();

        assertThat(statements(ddl(setup)).get(0)[1]).isEqualTo("SET enable_case_sensitive_identifier TO true");
        assertThat(statements(tableScript(setup)).get(0)[1]).isEqualTo("SET enable_case_sensitive_identifier TO true");
        // The procedure navigates the events whoever calls it: the setting travels with it.
        assertThat(tableStatement(setup, "CREATE OR REPLACE PROCEDURE"))
                .contains("CAST(event.\"mdc\".\"traceId\" AS VARCHAR(32)) AS traceid")
                .endsWith("$$ LANGUAGE plpgsql\nSET enable_case_sensitive_identifier TO true");
    }

    @Test
    void promotedColumnsParseAndBadOnesAreRefusedWithTheReason() {
        assertThat(PromotedColumn.parse("mdc.user_id:varchar(64)").toString())
                .isEqualTo("user_id=mdc.user_id:varchar(64)");
        assertThat(PromotedColumn.parse(" total = fields.order.total : decimal(12, 2) ")
                        .toString())
                .isEqualTo("total=fields.order.total:decimal(12,2)");
        assertThat(PromotedColumn.parse("mdc.http.status:int").column()).isEqualTo("http_status");
        assertThat(PromotedColumn.parse("mdc.x\"y:bigint").key()).isEqualTo("x\"y");
        assertThat(tableScript(
                        RedshiftSetup.builder().promote("mdc.x\"y:bigint").build()))
                .contains("event.\"mdc\".\"x\"\"y\"");

        Map<String, String> bad = Map.of(
                "user_id:varchar(64)", "must read",
                "ndc.x:int", "must start with mdc. or fields.",
                "mdc.x:varchar(70000)", "varchar takes one length",
                "mdc.x:varchar(10); DROP TABLE t", "unknown column type",
                "mdc.x:geometry", "unknown column type",
                "Bad-Name=mdc.x:int", "must be a lower-case identifier",
                "mdc.:int", "key to promote is empty");
        bad.forEach((spec, reason) ->
                assertThatThrownBy(() -> PromotedColumn.parse(spec)).as(spec).hasMessageContaining(reason));
    }

    @Test
    void clashingNamesAreRefused() {
        assertThatThrownBy(() ->
                        RedshiftSetup.builder().promote("mdc.level:varchar(10)").build())
                .hasMessageContaining("two columns would be named 'level'");
        assertThatThrownBy(() ->
                        RedshiftSetup.builder().promote("fields.payload:int").build())
                .hasMessageContaining("'payload'");
        assertThatThrownBy(() ->
                        RedshiftSetup.builder().promote("mdc.event:varchar(10)").build())
                .hasMessageContaining("'event'");
        assertThatThrownBy(
                        () -> RedshiftSetup.builder().staticField("event_index").build())
                .hasMessageContaining("'event_index'");
        assertThatThrownBy(() -> RedshiftSetup.builder()
                        .staticField("region")
                        .promote("mdc.region:varchar(10)")
                        .build())
                .hasMessageContaining("'region'");
        assertThatThrownBy(
                        () -> RedshiftSetup.builder().table("kinlog_events_raw").build())
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> RedshiftSetup.builder().retentionDays(0)).hasMessageContaining("retention days");
        assertThatThrownBy(() -> RedshiftSetup.builder().schedule("every minute"))
                .hasMessageContaining("schedule");
        assertThatThrownBy(() -> RedshiftSetup.builder().workgroup("My Group")).hasMessageContaining("workgroup");
        assertThatThrownBy(() -> RedshiftSetup.builder().streamName("arn:aws:kinesis:x"))
                .hasMessageContaining("stream name");
        assertThatThrownBy(() -> RedshiftSetup.builder().iamRole("my-role")).hasMessageContaining("IAM role");
        assertThatThrownBy(() -> RedshiftSetup.builder().table("select")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> RedshiftSetup.builder().staticField("my-field"))
                .hasMessageContaining("static field name");
    }

    @Test
    void thePoliciesGrantExactlyWhatEachSideNeeds() throws Exception {
        RedshiftSetup plain = RedshiftSetup.builder().build();
        JsonNode producer = JSON.readTree(plain.files().get("producer-policy.json"));
        JsonNode reader = JSON.readTree(plain.files().get("redshift-role-policy.json"));
        JsonNode trust = JSON.readTree(plain.files().get("redshift-trust-policy.json"));

        assertThat(actions(producer)).containsExactly("kinesis:PutRecords");
        assertThat(producer.at("/Statement/0/Resource").asText()).isEqualTo("arn:aws:kinesis:*:*:stream/app-logs");
        assertThat(actions(reader))
                .containsExactlyInAnyOrder(
                        "kinesis:DescribeStreamSummary",
                        "kinesis:DescribeStream",
                        "kinesis:ListShards",
                        "kinesis:GetShardIterator",
                        "kinesis:GetRecords",
                        "kinesis:ListStreams");
        assertThat(reader.at("/Statement/1/Resource").asText()).isEqualTo("*");
        assertThat(trust.at("/Statement/0/Principal/Service").toString())
                .contains("redshift.amazonaws.com", "redshift-serverless.amazonaws.com");

        String key = "arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        RedshiftSetup encrypted = RedshiftSetup.builder()
                .region("cn-north-1")
                .accountId("123456789012")
                .kmsKeyArn(key)
                .build();
        JsonNode encryptedProducer = JSON.readTree(encrypted.files().get("producer-policy.json"));
        JsonNode encryptedReader = JSON.readTree(encrypted.files().get("redshift-role-policy.json"));
        assertThat(actions(encryptedProducer)).containsExactly("kinesis:PutRecords", "kms:GenerateDataKey");
        assertThat(actions(encryptedReader)).contains("kms:Decrypt");
        assertThat(encryptedProducer.at("/Statement/0/Resource").asText())
                .isEqualTo("arn:aws-cn:kinesis:cn-north-1:123456789012:stream/app-logs");
        assertThat(encryptedProducer.at("/Statement/1/Resource").asText()).isEqualTo(key);
    }

    @Test
    void theDataApiStatementsAreTheScriptsStatementsWithoutComments() throws Exception {
        RedshiftSetup setup = RedshiftSetup.builder().build();
        JsonNode sqls = JSON.readTree(setup.files().get("redshift-data-statements.json"))
                .get("Sqls");

        List<String> fromScript = new ArrayList<>();
        statements(ddl(setup)).forEach(s -> fromScript.add(s[1]));
        statements(tableScript(setup)).forEach(s -> fromScript.add(s[1]));
        List<String> fromJson = new ArrayList<>();
        sqls.forEach(s -> fromJson.add(s.asText()));
        assertThat(fromJson).containsExactlyElementsOf(fromScript);
    }

    @Test
    void theDashboardsQueryOnlyColumnsTheViewsHave() {
        RedshiftSetup setup = RedshiftSetup.builder().build();
        String dashboards = setup.files().get("04-dashboards.sql");
        List<String> columns =
                new ArrayList<>(setup.columns().stream().map(ViewColumn::name).toList());

        assertThat(statements(dashboards)).hasSizeGreaterThanOrEqualTo(5);
        // Every query reads the live view and filters on ts, the table's sort key.
        for (String[] query : statements(dashboards)) {
            assertThat(query[1])
                    .contains("FROM kinlog_events_live\nWHERE ")
                    .containsPattern("\\bts > GETDATE\\(\\) - INTERVAL");
        }
        Matcher identifiers = Pattern.compile("\\b([a-z_]+)\\b")
                .matcher(dashboards.replaceAll("(?m)^--.*$", "").replaceAll("'[^']*'", ""));
        List<String> sqlWords = List.of(
                "minute",
                "millisecond",
                "second",
                "events",
                "errors",
                "error_percent",
                "error_types",
                "last_error",
                "to_kinesis_p50_ms",
                "to_kinesis_p99_ms",
                "to_redshift_max_ms",
                "arrival_delay_ms",
                "kinlog_events_live");
        while (identifiers.find()) {
            String word = identifiers.group(1);
            assertThat(columns.contains(word) || sqlWords.contains(word))
                    .as("'%s' is a column of the view or a name the query defines", word)
                    .isTrue();
        }
    }

    @Test
    void theScheduleRunsTheLoadWithTheUsersNames() throws Exception {
        RedshiftSetup serverless = RedshiftSetup.builder()
                .loadProcedure("shop_load")
                .workgroup("analytics")
                .database("logs")
                .region("eu-west-1")
                .schedule("rate(5 minutes)")
                .build();
        String script = serverless.files().get("eventbridge-schedule.sh");
        assertThat(script)
                .startsWith("#!/usr/bin/env bash\n")
                .contains("aws redshift-serverless get-workgroup --region eu-west-1 --workgroup-name analytics")
                .contains(
                        "aws events put-rule --region eu-west-1 --name shop-load --schedule-expression \"rate(5 minutes)\"")
                .contains("\"Sql\": \"CALL shop_load()\"")
                .contains("\"StatementName\": \"shop-load\"")
                .contains("\"Database\": \"logs\"")
                .contains("\"Action\": \"redshift-data:ExecuteStatement\", \"Resource\": \"$TARGET_ARN\"")
                .contains("\"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"$SECRET_ARN\"");
        JsonNode trust = JSON.readTree(serverless.files().get("eventbridge-trust-policy.json"));
        assertThat(trust.at("/Statement/0/Principal/Service").asText()).isEqualTo("events.amazonaws.com");

        String dag = serverless.files().get("airflow_kinlog_load.py");
        assertThat(dag)
                .contains("from airflow.providers.amazon.aws.operators.redshift_data import RedshiftDataOperator")
                .contains("schedule=\"*/5 * * * *\"")
                .contains("workgroup_name=\"analytics\"")
                .contains("database=\"logs\"")
                .contains("sql=\"CALL shop_load()\"")
                .contains("max_active_runs=1")
                .contains("wait_for_completion=True");

        RedshiftSetup provisioned =
                RedshiftSetup.builder().clusterId("my-cluster").build();
        assertThat(provisioned.files().get("eventbridge-schedule.sh"))
                .contains("TARGET_ARN=arn:aws:redshift:$REGION:$ACCOUNT:cluster:my-cluster")
                .doesNotContain("redshift-serverless");
        assertThat(provisioned.files().get("airflow_kinlog_load.py")).contains("cluster_identifier=\"my-cluster\"");

        assertThat(Schedules.airflowCron("rate(1 minute)")).isEqualTo("* * * * *");
        assertThat(Schedules.airflowCron("rate(2 hours)")).isEqualTo("0 */2 * * *");
        assertThat(Schedules.airflowCron("cron(0/10 * ? * MON-FRI *)")).isEqualTo("0/10 * * * MON-FRI");
    }

    private static List<String> actions(JsonNode policy) {
        List<String> actions = new ArrayList<>();
        policy.get("Statement").forEach(s -> {
            JsonNode action = s.get("Action");
            if (action.isArray()) {
                action.forEach(a -> actions.add(a.asText()));
            } else {
                actions.add(action.asText());
            }
        });
        return actions;
    }
}
