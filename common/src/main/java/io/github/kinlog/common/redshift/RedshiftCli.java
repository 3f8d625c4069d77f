package io.github.kinlog.common.redshift;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command line of kinlog-common's jar: {@code redshift} prints or writes the Redshift objects for a stream, and
 * {@code check} tells which records Redshift would not ingest. Needs nothing but the jar itself.
 */
public final class RedshiftCli {
    static final int OK = 0;
    static final int NOT_INGESTIBLE = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            Usage: java -jar kinlog-common.jar redshift [options]
                   java -jar kinlog-common.jar check [--max-record-bytes N] [--max-string-bytes N] [file]

            redshift prints the SQL that makes a Kinesis stream of Kinlog events queryable in Redshift, or writes it
            with the monitoring and dashboard queries and the IAM policies into a directory.
              --stream NAME            the Kinesis stream (default app-logs)
              --external-schema NAME   the schema mapping Kinesis (default kinlog_kinesis)
              --streaming-view NAME    the streaming materialized view (default kinlog_events_raw)
              --events-view NAME       the typed view (default kinlog_events)
              --unique-view NAME       the view with one row per event (default kinlog_events_unique)
              --iam-role ROLE          default, or the ARN of the role Redshift assumes (default default)
              --region REGION          the stream's region, when it is not the cluster's
              --account-id ID          the stream's account, for the policies (default: any)
              --kms-key-arn ARN        the customer-managed key encrypting the stream, for the policies
              --static-field NAME      a static field of the appender's configuration (repeatable)
              --promote SPEC           [column=]mdc.key:type or [column=]fields.key:type, such as
                                       mdc.user_id:varchar(64) (repeatable)
              --out DIR                write every file into DIR instead of printing the SQL

            check reads records, one JSON object per line, from the file or standard input, and prints each one
            Redshift would not ingest, with why. Exit status 1 when there is any.
            """;

    private RedshiftCli() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != OK) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        try {
            return switch (args[0]) {
                case "redshift" -> redshift(rest, out);
                case "check" -> check(rest, out);
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            };
        } catch (IllegalArgumentException e) {
            err.println("kinlog: " + e.getMessage());
            err.println("Run with --help for the options.");
            return USAGE;
        } catch (IOException | UncheckedIOException e) {
            err.println("kinlog: " + e);
            return USAGE;
        }
    }

    private static int redshift(List<String> args, PrintStream out) throws IOException {
        RedshiftSetup.Builder setup = RedshiftSetup.builder();
        Path dir = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            String value = valueOf(args, ++i, option);
            switch (option) {
                case "--stream" -> setup.streamName(value);
                case "--external-schema" -> setup.externalSchema(value);
                case "--streaming-view" -> setup.streamingView(value);
                case "--events-view" -> setup.eventsView(value);
                case "--unique-view" -> setup.uniqueView(value);
                case "--iam-role" -> setup.iamRole(value);
                case "--region" -> setup.region(value);
                case "--account-id" -> setup.accountId(value);
                case "--kms-key-arn" -> setup.kmsKeyArn(value);
                case "--static-field" -> setup.staticField(value);
                case "--promote" -> setup.promote(value);
                case "--out" -> dir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        Map<String, String> files = setup.build().files();
        if (dir == null) {
            out.print(files.get("01-streaming-ingestion.sql"));
            return OK;
        }
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            out.println("wrote " + dir.resolve(file.getKey()));
        }
        return OK;
    }

    private static int check(List<String> args, PrintStream out) throws IOException {
        int maxRecordBytes = IngestibilityCheck.DEFAULT_MAX_RECORD_BYTES;
        int maxStringBytes = IngestibilityCheck.DEFAULT_MAX_STRING_BYTES;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--max-record-bytes" -> maxRecordBytes = number(valueOf(args, ++i, option), option);
                case "--max-string-bytes" -> maxStringBytes = number(valueOf(args, ++i, option), option);
                default -> {
                    if (option.startsWith("--") || file != null) {
                        throw new IllegalArgumentException("unexpected argument '" + option + "'");
                    }
                    file = Path.of(option);
                }
            }
        }
        IngestibilityCheck checker = IngestibilityCheck.withLimits(maxRecordBytes, maxStringBytes);
        int lineNumber = 0;
        int records = 0;
        int failed = 0;
        try (BufferedReader in = file == null
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.ISO_8859_1))
                : Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            // Read as ISO-8859-1, one char per byte, so the checker sees the bytes as they are, invalid UTF-8 too.
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                records++;
                IngestibilityCheck.Result result = checker.check(line.getBytes(StandardCharsets.ISO_8859_1));
                if (!result.ingestible()) {
                    failed++;
                    out.println("line " + lineNumber + ": " + result);
                }
            }
        }
        out.println(records + " records, " + (records - failed) + " ingestible, " + failed + " not");
        return failed == 0 ? OK : NOT_INGESTIBLE;
    }

    private static String valueOf(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int number(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }
}
