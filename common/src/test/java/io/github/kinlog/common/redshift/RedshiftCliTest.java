package io.github.kinlog.common.redshift;

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
                "redshift",
                "--stream",
                "orders",
                "--iam-role",
                "arn:aws:iam::123456789012:role/rs",
                "--static-field",
                "region",
                "--promote",
                "mdc.user_id:varchar(64)");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(RedshiftSetup.builder()
                        .streamName("orders")
                        .iamRole("arn:aws:iam::123456789012:role/rs")
                        .staticField("region")
                        .promote("mdc.user_id:varchar(64)")
                        .build()
                        .files()
                        .get("01-streaming-ingestion.sql"));
    }

    @Test
    void writesEveryFileWithOut(@TempDir Path dir) throws IOException {
        assertThat(run("redshift", "--out", dir.toString())).isZero();

        for (Map.Entry<String, String> file :
                RedshiftSetup.builder().build().files().entrySet()) {
            assertThat(Files.readString(dir.resolve(file.getKey()))).isEqualTo(file.getValue());
        }
    }

    @Test
    void mistakesGiveOneLineAndStatusTwo() {
        assertThat(run("redshift", "--promote", "mdc.x:blob")).isEqualTo(RedshiftCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("kinlog: unknown column type 'blob'");
        assertThat(run("redshift", "--stream")).isEqualTo(RedshiftCli.USAGE);
        assertThat(run("launch")).isEqualTo(RedshiftCli.USAGE);
        assertThat(run()).isEqualTo(RedshiftCli.USAGE);
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar kinlog-common.jar redshift");
        assertThat(out.size()).isPositive();
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
