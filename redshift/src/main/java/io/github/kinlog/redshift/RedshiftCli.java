package io.github.kinlog.redshift;

import io.github.kinlog.common.status.Causes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The command line of kinlog-redshift's jar: {@code generate} prints or writes the Redshift objects for a stream, and
 * {@code check} tells which records Redshift would not ingest. Needs nothing but the jar itself.
 */
public final class RedshiftCli {
    static final int OK = 0;
    static final int NOT_INGESTIBLE = 1;
    static final int USAGE_ERROR = 2;

    private static final String GENERATE_USAGE = """
            Usage: java -jar kinlog-redshift.jar generate [options]

            Prints the SQL that makes a Kinesis stream of Kinlog events queryable in Redshift, or writes it into a
            directory with the load's schedules, the monitoring and dashboard queries and the IAM policies.
              --stream NAME            the Kinesis stream (default app-logs)
              --external-schema NAME   the schema mapping Kinesis (default kinlog_kinesis)
              --streaming-view NAME    the streaming materialized view, where records land (default kinlog_events_raw)
              --table NAME             the typed table, one row per event (default kinlog_events)
              --live-view NAME         the table and what has not been loaded yet (default kinlog_events_live)
              --load-procedure NAME    the procedure that loads the table (default kinlog_load)
              --load-log NAME          the table with one row per load (default kinlog_load_log)
              --retention-days N       delete events older than N days in each load (default: keep every event)
              --iam-role ROLE          default, or the ARN of the role Redshift assumes (default default)
              --region REGION          the stream's region, when it is not the cluster's
              --account-id ID          the stream's account, for the policies (default: any)
              --kms-key-arn ARN        the customer-managed key encrypting the stream, for the policies
              --workgroup NAME         the Redshift Serverless workgroup the scheduled load runs in (default kinlog)
              --cluster-id ID          a provisioned cluster to run it in instead
              --database NAME          the database (default dev)
              --schedule EXPRESSION    how often the load runs, an EventBridge expression (default 'rate(1 minute)')
              --static-field NAME      a static field of the appender's configuration (repeatable)
              --promote SPEC           [column=]mdc.key:type or [column=]fields.key:type (repeatable); quote it
                                       in a shell: --promote 'mdc.user_id:varchar(64)'
              --out DIR                write every file into DIR instead of printing the SQL
              --help                   print this text
            """;

    private static final String CHECK_USAGE = """
            Usage: java -jar kinlog-redshift.jar check [--max-record-bytes N] [--max-string-bytes N] [file]

            Reads records, one per line (an event object, or a packed record: a JSON array of events), from the
            file or standard input, and prints each one Redshift would not ingest whole, with why. Exit status 1
            when there is any.
              --max-record-bytes N     the largest record the stream takes (default 1048576)
              --max-string-bytes N     the longest string Redshift keeps (default 65535)
              --help                   print this text
            """;

    private static final String USAGE = """
            Usage: java -jar kinlog-redshift.jar generate [options]   the Redshift SQL and IAM policies for a stream
                   java -jar kinlog-redshift.jar check [options] [file]  which records Redshift would not ingest
            Each command's --help lists its options.
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
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? USAGE_ERROR : OK;
        }
        String command = args[0];
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        try {
            switch (command) {
                case "generate" -> {
                    if (wantsHelp(rest)) {
                        out.print(GENERATE_USAGE);
                        return OK;
                    }
                    return generate(rest, out);
                }
                case "check" -> {
                    if (wantsHelp(rest)) {
                        out.print(CHECK_USAGE);
                        return OK;
                    }
                    return check(rest, out);
                }
                default -> {
                    err.println("kinlog: unknown command '" + command + "'; the commands are generate and check"
                            + " (--help says more)");
                    return USAGE_ERROR;
                }
            }
        } catch (CannotUse e) {
            err.println("kinlog " + command + ": " + e.getMessage());
            return USAGE_ERROR;
        } catch (IllegalArgumentException e) {
            err.println("kinlog " + command + ": " + e.getMessage() + " (" + command + " --help lists the options)");
            return USAGE_ERROR;
        } catch (NoSuchFileException e) {
            err.println("kinlog " + command + ": no such file: " + e.getFile());
            return USAGE_ERROR;
        } catch (AccessDeniedException e) {
            err.println("kinlog " + command + ": permission denied: " + e.getFile());
            return USAGE_ERROR;
        } catch (IOException e) {
            err.println("kinlog " + command + ": " + Causes.oneLine(e));
            return USAGE_ERROR;
        } catch (UncheckedIOException e) {
            err.println("kinlog " + command + ": " + Causes.oneLine(e.getCause()));
            return USAGE_ERROR;
        }
    }

    /** A file or directory the command cannot use; the message says which and why. */
    private static final class CannotUse extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotUse(String message) {
            super(message, null, false, false);
        }
    }

    private static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    private static int generate(List<String> args, PrintStream out) throws IOException {
        RedshiftSetup.Builder setup = RedshiftSetup.builder();
        Path dir = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--out")) {
                dir = Path.of(valueOf(args, ++i, option));
                continue;
            }
            Consumer<String> apply = switch (option) {
                case "--stream" -> setup::streamName;
                case "--external-schema" -> setup::externalSchema;
                case "--streaming-view" -> setup::streamingView;
                case "--table" -> setup::table;
                case "--live-view" -> setup::liveView;
                case "--load-procedure" -> setup::loadProcedure;
                case "--load-log" -> setup::loadLog;
                case "--retention-days" -> days -> setup.retentionDays(number(days, option));
                case "--workgroup" -> setup::workgroup;
                case "--cluster-id" -> setup::clusterId;
                case "--database" -> setup::database;
                case "--schedule" -> setup::schedule;
                case "--iam-role" -> setup::iamRole;
                case "--region" -> setup::region;
                case "--account-id" -> setup::accountId;
                case "--kms-key-arn" -> setup::kmsKeyArn;
                case "--static-field" -> setup::staticField;
                case "--promote" -> setup::promote;
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            };
            apply.accept(valueOf(args, ++i, option));
        }
        Map<String, String> files = setup.build().files();
        if (dir == null) {
            out.print(files.get("01-streaming-ingestion.sql"));
            out.print(files.get("02-events-table.sql"));
            return OK;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CannotUse(dir + " is a file, not a directory to write into");
        }
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path written = Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
                if (file.getKey().endsWith(".sh")) {
                    written.toFile().setExecutable(true);
                }
                out.println("wrote " + written);
            }
        } catch (IOException e) {
            throw new CannotUse("cannot write into " + dir + ": " + Causes.oneLine(e));
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
                    if (option.startsWith("-") && option.length() > 1) {
                        throw new IllegalArgumentException("unknown option '" + option + "'");
                    }
                    if (file != null) {
                        throw new IllegalArgumentException("one file at most, not also '" + option + "'");
                    }
                    file = Path.of(option);
                }
            }
        }
        if (file != null && Files.isDirectory(file)) {
            throw new CannotUse(file + " is a directory, not a file of records");
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
