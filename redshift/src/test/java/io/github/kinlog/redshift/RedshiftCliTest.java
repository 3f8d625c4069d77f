package io.github.kinlog.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.common.encode.EncoderSettings;
import io.github.kinlog.common.encode.EventEncoder;
import io.github.kinlog.common.testing.TestEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedshiftCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RedshiftCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheSqlForTheOptionsGiven() {
        int status = run(
                "generate",
                "--stream",
                "orders",
                "--iam-role",
                "arn:aws:iam::123456789012:role/rs",
                "--static-field",
                "region",
                "--promote",
                "mdc.user_id:varchar(64)");

        assertThat(status).isZero();
        Map<String, String> files = RedshiftSetup.builder()
                .streamName("orders")
                .iamRole("arn:aws:iam::123456789012:role/rs")
                .staticField("region")
                .promote("mdc.user_id:varchar(64)")
                .build()
                .files();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(files.get("01-streaming-ingestion.sql") + files.get("02-events-table.sql"));
    }

    @Test
    void everyOptionReachesTheFiles(@TempDir Path dir) throws IOException {
        int status = run(
                "generate",
                "--stream",
                "Shop.Orders",
                "--external-schema",
                "orders_kds",
                "--streaming-view",
                "analytics.orders_landing",
                "--table",
                "analytics.orders_events",
                "--live-view",
                "analytics.orders_live",
                "--load-procedure",
                "analytics.orders_load",
                "--load-log",
                "analytics.orders_loads",
                "--retention-days",
                "30",
                "--iam-role",
                "arn:aws:iam::123456789012:role/redshift-streaming",
                "--region",
                "eu-west-1",
                "--account-id",
                "123456789012",
                "--kms-key-arn",
                "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "--cluster-id",
                "orders-cluster",
                "--database",
                "analytics",
                "--schedule",
                "rate(5 minutes)",
                "--static-field",
                "team",
                "--promote",
                "mdc.traceId:varchar(32)",
                "--promote",
                "amount=fields.total:decimal(12,2)",
                "--out",
                dir.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        for (Map.Entry<String, String> file :
                SampleFilesUpToDateTest.customised().files().entrySet()) {
            assertThat(Files.readString(dir.resolve(file.getKey())))
                    .as(file.getKey())
                    .isEqualTo(file.getValue());
        }
        assertThat(dir.resolve("eventbridge-schedule.sh")).isExecutable();
    }

    @Test
    void writesEveryFileWithOut(@TempDir Path dir) throws IOException {
        assertThat(run("generate", "--out", dir.toString())).isZero();

        for (Map.Entry<String, String> file :
                RedshiftSetup.builder().build().files().entrySet()) {
            assertThat(Files.readString(dir.resolve(file.getKey()))).isEqualTo(file.getValue());
        }
    }

    @Test
    void mistakesGiveOneLineAndStatusTwo() {
        assertThat(run("generate", "--promote", "mdc.x:blob")).isEqualTo(RedshiftCli.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("kinlog generate: unknown column type 'blob'");
        assertThat(run("generate", "--stream")).isEqualTo(RedshiftCli.USAGE_ERROR);
        assertThat(run("launch")).isEqualTo(RedshiftCli.USAGE_ERROR);
        assertThat(run()).isEqualTo(RedshiftCli.USAGE_ERROR);
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar kinlog-redshift.jar generate");
        assertThat(out.size()).isPositive();
    }

    @Test
    void everyCommandExplainsItself() {
        assertThat(run("generate", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--promote SPEC")
                .contains("--out DIR");
        out.reset();
        assertThat(run("check", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--max-record-bytes N");
        out.reset();
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("generate").contains("check");
        assertThat(err.size()).isZero();
    }

    @Test
    void eachMistakeIsOneLineNamingIt(@TempDir Path dir) throws IOException {
        Path aFile = dir.resolve("a-file");
        Files.writeString(aFile, "{}");
        Map<List<String>, String> mistakes = Map.of(
                List.of("generate", "--bogus"), "kinlog generate: unknown option '--bogus'",
                List.of("generate", "--stream"), "kinlog generate: --stream needs a value",
                List.of("generate", "--static-field", "level"), "'level' is an event field",
                List.of("check", dir.resolve("nosuchfile").toString()), "kinlog check: no such file: ",
                List.of("check", "--max-record-bytes", "big"), "takes a whole number, not 'big'",
                List.of("launch"), "kinlog: unknown command 'launch'; the commands are generate and check",
                List.of("check", "--bogus", "x"), "kinlog check: unknown option '--bogus'",
                List.of("check", dir.toString()), "is a directory, not a file of records",
                List.of("generate", "--out", aFile.toString()), "a-file is a file, not a directory to write into",
                List.of("generate", "--out", aFile.resolve("below").toString()), "cannot write into ");
        mistakes.forEach((args, expected) -> {
            err.reset();
            assertThat(run(args.toArray(String[]::new))).as("%s", args).isEqualTo(RedshiftCli.USAGE_ERROR);
            assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
                    .as("%s", args)
                    .singleElement()
                    .asString()
                    .contains(expected);
        });
    }

    @Test
    void checkReportsTheLinesRedshiftWouldNotIngest(@TempDir Path dir) throws IOException {
        EventEncoder encoder = new EventEncoder(new EncoderSettings(65_535, 1 << 20, 100, null, null, "h", Map.of()));
        Path file = dir.resolve("records.jsonl");
        try (OutputStream records = Files.newOutputStream(file)) {
            records.write(encoder.encode(TestEvent.typical(), 0));
            records.write("\n{\"ts\":\"yesterday\"}\n\n".getBytes(StandardCharsets.UTF_8));
            records.write(new byte[] {'{', '"', (byte) 0xFF, '"', '}', '\n'});
            records.write(encoder.encode(new TestEvent(), 0));
        }

        assertThat(run("check", file.toString())).isEqualTo(RedshiftCli.NOT_INGESTIBLE);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("line 2: not ingestible: ts is not of the form")
                .contains("line 4: not ingestible: record is not valid UTF-8")
                .contains("4 records, 2 ingestible, 2 not");
        out.reset();
        Path good = dir.resolve("good.jsonl");
        Files.write(good, encoder.encode(TestEvent.typical(), 0));
        assertThat(run("check", good.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 records, 1 ingestible, 0 not");
    }
}
