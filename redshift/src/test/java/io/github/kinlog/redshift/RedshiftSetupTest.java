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

    /** The SQL statements of a script, each with the comment lines above it. */
    private static List<String[]> statements(String script) {
        List<String[]> statements = new ArrayList<>();
        for (String block : script.split(";\n")) {
            String comment = block.lines().filter(l -> l.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
            String sql = block.lines()
                    .filter(l -> !l.startsWith("--"))
                    .reduce("", (a, b) -> a + b + "\n")
                    .strip();
            if (!sql.isEmpty()) {
                statements.add(new String[] {comment, sql});
            }
        }
        return statements;
    }

    private static String ddl(RedshiftSetup setup) {
        return setup.files().get("01-streaming-ingestion.sql");
    }

    @Test
    void everyStatementNamesTheAwsDocumentationItReliesOn() {
        RedshiftSetup setup = RedshiftSetup.builder().build();
        for (String file : List.of("01-streaming-ingestion.sql", "02-monitoring.sql")) {
            List<String[]> statements = statements(setup.files().get(file));
            assertThat(statements).isNotEmpty();
            for (String[] statement : statements) {
                assertThat(statement[0]).as(statement[1]).contains("https://docs.aws.amazon.com/redshift/latest/dg/");
            }
        }
        assertThat(statements(ddl(setup))).hasSize(4);
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
    void theTypedViewHasAColumnForEveryFieldTheEncoderWrites() throws Exception {
        RedshiftSetup setup = RedshiftSetup.builder()
                .staticField("region")
                .promote("mdc.user_id:varchar(64)")
                .promote("amount=fields.total:decimal(12,2)")
                .build();
        String typed = statements(ddl(setup)).get(2)[1];

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
                        .forEachRemaining(member -> assertThat(typed).contains("payload.\"error\".\"" + member + "\""));
            } else {
                assertThat(typed).contains("payload.\"" + name + "\"");
            }
        });
        for (EventField field : EventField.values()) {
            if (field != EventField.ERROR) {
                assertThat(json.has(field.jsonName())).as(field.jsonName()).isTrue();
            }
        }
        assertThat(typed)
                .contains("CAST(payload.\"ts\" AS TIMESTAMP) AS ts")
                .contains("CAST(payload.\"event_id\" AS VARCHAR(36)) AS event_id")
                .contains("CAST(payload.\"message\" AS VARCHAR(65535)) AS message")
                .contains("CAST(payload.\"error\".\"stack\" AS VARCHAR(65535)) AS error_stack")
                .contains("payload.\"mdc\" AS mdc,")
                .contains("payload.\"fields\" AS fields,")
                .contains("CAST(payload.\"region\" AS VARCHAR(65535)) AS region")
                .contains("CAST(payload.\"mdc\".\"user_id\" AS VARCHAR(64)) AS user_id")
                .contains("CAST(payload.\"fields\".\"total\" AS DECIMAL(12,2)) AS amount")
                .endsWith("FROM kinlog_events_raw");
        for (NestedField member : NestedField.values()) {
            if (member.parent() == EventField.ERROR) {
                assertThat(typed).contains(" AS " + member.flatName());
            }
        }
    }

    @Test
    void theUniqueViewKeepsTheEarliestCopyOfEachEventWithTheSameColumns() {
        RedshiftSetup setup =
                RedshiftSetup.builder().promote("mdc.user_id:varchar(64)").build();
        String unique = statements(ddl(setup)).get(3)[1];

        assertThat(unique)
                .startsWith("CREATE OR REPLACE VIEW kinlog_events_unique AS")
                .contains("PARTITION BY event_id")
                .contains("ORDER BY approximate_arrival_timestamp, shard_id, sequence_number")
                .contains("FROM kinlog_events\n")
                .endsWith("WHERE copy_number = 1");
        List<String> selected = Arrays.stream(unique.split("FROM \\(")[0].split("\n"))
                .skip(2)
                .map(l -> l.strip().replace(",", ""))
                .toList();
        assertThat(selected)
                .containsExactlyElementsOf(
                        setup.columns().stream().map(ViewColumn::name).toList());
    }

    @Test
    void parametersReachTheSql() {
        String sql = ddl(RedshiftSetup.builder()
                .externalSchema("logs_kds")
                .streamingView("analytics.shop_raw")
                .eventsView("analytics.shop")
                .uniqueView("analytics.shop_unique")
                .iamRole("arn:aws:iam::123456789012:role/redshift-streaming")
                .region("eu-west-1")
                .build());

        assertThat(sql)
                .contains("CREATE EXTERNAL SCHEMA IF NOT EXISTS logs_kds\nFROM KINESIS\nREGION 'eu-west-1'\n"
                        + "IAM_ROLE 'arn:aws:iam::123456789012:role/redshift-streaming';")
                .contains("CREATE MATERIALIZED VIEW analytics.shop_raw\n")
                .contains("CREATE OR REPLACE VIEW analytics.shop AS")
                .contains("FROM analytics.shop_raw;")
                .contains("CREATE OR REPLACE VIEW analytics.shop_unique AS")
                .doesNotContain("enable_case_sensitive_identifier");
        assertThat(ddl(RedshiftSetup.builder().build())).contains("IAM_ROLE default;");
    }

    @Test
    void mixedCaseNamesTurnOnCaseSensitiveIdentifiersFirst() {
        List<String[]> statements = statements(
                ddl(RedshiftSetup.builder().promote("mdc.traceId:varchar(32)").build()));

        assertThat(statements.get(0)[1]).isEqualTo("SET enable_case_sensitive_identifier TO true");
        assertThat(statements.get(3)[1]).contains("CAST(payload.\"mdc\".\"traceId\" AS VARCHAR(32)) AS traceid");
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
        assertThat(ddl(RedshiftSetup.builder().promote("mdc.x\"y:bigint").build()))
                .contains("payload.\"mdc\".\"x\"\"y\"");

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
        assertThatThrownBy(() -> RedshiftSetup.builder()
                        .staticField("region")
                        .promote("mdc.region:varchar(10)")
                        .build())
                .hasMessageContaining("'region'");
        assertThatThrownBy(() ->
                        RedshiftSetup.builder().eventsView("kinlog_events_raw").build())
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> RedshiftSetup.builder().streamName("arn:aws:kinesis:x"))
                .hasMessageContaining("stream name");
        assertThatThrownBy(() -> RedshiftSetup.builder().iamRole("my-role")).hasMessageContaining("IAM role");
        assertThatThrownBy(() -> RedshiftSetup.builder().eventsView("select")).hasMessageContaining("reserved");
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

        List<String> fromScript = statements(ddl(setup)).stream().map(s -> s[1]).toList();
        List<String> fromJson = new ArrayList<>();
        sqls.forEach(s -> fromJson.add(s.asText()));
        assertThat(fromJson).containsExactlyElementsOf(fromScript);
    }

    @Test
    void theDashboardsQueryOnlyColumnsTheViewsHave() {
        RedshiftSetup setup = RedshiftSetup.builder().build();
        String dashboards = setup.files().get("03-dashboards.sql");
        List<String> columns =
                new ArrayList<>(setup.columns().stream().map(ViewColumn::name).toList());

        assertThat(statements(dashboards)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(dashboards).contains("FROM kinlog_events_unique");
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
                "kinlog_events_unique");
        while (identifiers.find()) {
            String word = identifiers.group(1);
            assertThat(columns.contains(word) || sqlWords.contains(word))
                    .as("'%s' is a column of the view or a name the query defines", word)
                    .isTrue();
        }
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
