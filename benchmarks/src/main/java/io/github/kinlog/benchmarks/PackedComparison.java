package io.github.kinlog.benchmarks;

import io.github.kinlog.benchmarks.PeerComparison.Delivery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One event per Kinesis record against packed records, side by side in one run: Kinlog's Log4j2 appender logs typical
 * events at a steady 10,000 a second, after a warm-up, to the local PutRecords sink with a 20 ms round trip, once per
 * record format and round, alternating; a third JVM runs the load generator alone, so its own CPU can be subtracted.
 * Writes the "Packed records" section of {@code docs/benchmarks.md} (replacing the one there; {@link PeerComparison}
 * keeps it when it rewrites the rest).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.github.kinlog.benchmarks.PackedComparison [--seconds 100]
 * [--warm-up 150] [--rounds 2] [docs/benchmarks.md]}
 */
public final class PackedComparison {
    static final String START = "<!-- packed-records: written by PackedComparison -->";
    static final String END = "<!-- /packed-records -->";
    private static final int RATE = 10_000;
    private static final int ROUND_TRIP_MILLIS = 20;
    private static final List<String> FORMATS = List.of("single", "packed");
    private static final String GENERATOR = "generator";

    public static void main(String[] args) throws Exception {
        Path output = Path.of("docs/benchmarks.md");
        int seconds = 100;
        // The SDK's per-request code compiles slowly at 20 requests a second: measure after it has.
        int warmUp = 150;
        int rounds = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warm-up" -> warmUp = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> output = Path.of(args[i]);
            }
        }
        long started = System.nanoTime();
        Map<String, List<Delivery>> runs = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String format : FORMATS) {
                runs.computeIfAbsent(format, f -> new ArrayList<>())
                        .add(PeerComparison.deliver(
                                "kinlog-log4j2",
                                ROUND_TRIP_MILLIS,
                                0,
                                "rate",
                                RATE,
                                seconds,
                                List.of("bench.recordFormat=" + format, "bench.warmUpSeconds=" + warmUp)));
            }
            runs.computeIfAbsent(GENERATOR, f -> new ArrayList<>())
                    .add(PeerComparison.deliver(
                            "none",
                            ROUND_TRIP_MILLIS,
                            0,
                            "rate",
                            RATE,
                            seconds,
                            List.of("bench.warmUpSeconds=" + warmUp)));
        }
        String section = section(runs, seconds, warmUp, rounds, (System.nanoTime() - started) / 1_000_000_000L);
        String existing = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        Files.writeString(output, withSection(existing, section), StandardCharsets.UTF_8);
        System.out.println(section);
        System.out.println("Written to " + output);
    }

    /** {@code markdown} with its packed-records section replaced by {@code section}, or with it added at the end. */
    static String withSection(String markdown, String section) {
        int start = markdown.indexOf(START);
        int end = markdown.indexOf(END);
        if (start >= 0 && end > start) {
            return markdown.substring(0, start) + section + markdown.substring(end + END.length());
        }
        return markdown + (markdown.isEmpty() || markdown.endsWith("\n\n") ? "" : "\n") + section + "\n";
    }

    /** The packed-records section of {@code markdown}, markers included, or "" when it has none. */
    static String sectionOf(String markdown) {
        int start = markdown.indexOf(START);
        int end = markdown.indexOf(END);
        return start >= 0 && end > start ? markdown.substring(start, end + END.length()) : "";
    }

    /** Per million events, over every round of one format. */
    private record Figures(
            double records,
            double billedKilobytes,
            double putUnits,
            double bytes,
            double cpuMicros,
            long p50Micros,
            long p99Micros,
            long delivered,
            long logged) {
        static Figures of(List<Delivery> runs, double generatorNanosPerEvent) {
            long delivered = 0;
            long logged = 0;
            long records = 0;
            long billed = 0;
            long units = 0;
            long bytes = 0;
            double cpu = 0;
            long p50 = 0;
            long p99 = 0;
            for (Delivery run : runs) {
                delivered += run.delivered();
                logged += run.logged();
                records += run.records().records();
                billed += run.records().billedKilobytes();
                units += run.records().putUnits();
                bytes += run.records().bytes();
                cpu += run.cpuNanos() - generatorNanosPerEvent * run.logged();
                p50 = Math.max(p50, run.p50Micros());
                p99 = Math.max(p99, run.p99Micros());
            }
            double perMillion = 1e6 / Math.max(1, delivered);
            return new Figures(
                    records * perMillion,
                    billed * perMillion,
                    units * perMillion,
                    bytes * perMillion,
                    cpu / Math.max(1, delivered) / 1000,
                    p50,
                    p99,
                    delivered,
                    logged);
        }

        /** Shards a stream needs for 10,000 events/s: 1,000 records/s and 1 MiB/s each. */
        double shards() {
            double recordsPerSecond = records / 1e6 * RATE;
            double bytesPerSecond = bytes / 1e6 * RATE;
            return Math.ceil(Math.max(recordsPerSecond / 1_000, bytesPerSecond / (1024 * 1024)));
        }
    }

    private static String section(Map<String, List<Delivery>> runs, int seconds, int warmUp, int rounds, long took) {
        double generator = 0;
        long generatorLogged = 0;
        for (Delivery run : runs.get(GENERATOR)) {
            generator += run.cpuNanos();
            generatorLogged += run.logged();
        }
        double generatorNanos = generator / Math.max(1, generatorLogged);
        Figures single = Figures.of(runs.get("single"), generatorNanos);
        Figures packed = Figures.of(runs.get("packed"), generatorNanos);
        StringBuilder md = new StringBuilder(START).append('\n');
        md.append("## Packed records (`recordFormat`)\n\n")
                .append("Measured on ")
                .append(LocalDate.now())
                .append(" by\n\n```\nmvn -pl benchmarks -am package -DskipTests\n")
                .append("java -cp benchmarks/target/benchmarks.jar io.github.kinlog.benchmarks.PackedComparison")
                .append(String.format(Locale.ROOT, " --seconds %d --warm-up %d --rounds %d%n", seconds, warmUp, rounds))
                .append("```\n\nwhich took ")
                .append(took / 60)
                .append(" min ")
                .append(took % 60)
                .append(" s: Kinlog's Log4j2 appender, defaults but for `recordFormat`, logs the typical event at a")
                .append(" steady 10,000 a second for ")
                .append(seconds)
                .append(" s after a ")
                .append(warmUp)
                .append(" s warm-up, to the local sink with a 20 ms round trip; ")
                .append(rounds)
                .append(rounds == 1 ? " round" : " rounds, the formats alternating")
                .append(", each run in a JVM of its own. Figures per million")
                .append(" delivered events, over all rounds. Billed kilobytes round each record up to 1 KiB and PUT")
                .append(" payload units count 25 KiB each, with a 16-byte partition key per record (the longest")
                .append(" random key). CPU is the whole process's per delivered event, minus the load generator's")
                .append(" own (")
                .append(String.format(Locale.ROOT, "%.2f", generatorNanos / 1000))
                .append(" µs per event, measured alone in the same run); latency is the worst round's.\n\n");
        md.append("| | single | packed | packed / single | goal |\n| --- | --- | --- | --- | --- |\n");
        row(md, "Kinesis records", single.records(), packed.records(), "%,.0f", "");
        row(md, "on-demand billed KB", single.billedKilobytes(), packed.billedKilobytes(), "%,.0f", "at most 1/3");
        row(md, "PUT payload units", single.putUnits(), packed.putUnits(), "%,.0f", "at most 1/20");
        row(md, "record bytes", single.bytes(), packed.bytes(), "%,.0f", "");
        row(md, "shards at 10,000 events/s", single.shards(), packed.shards(), "%.0f", "at most 0.4");
        row(
                md,
                "CPU µs per event, generator subtracted",
                single.cpuMicros(),
                packed.cpuMicros(),
                "%.2f",
                "at most 0.5");
        row(md, "latency p50 ms", single.p50Micros() / 1000.0, packed.p50Micros() / 1000.0, "%.0f", "");
        row(md, "latency p99 ms", single.p99Micros() / 1000.0, packed.p99Micros() / 1000.0, "%.0f", "at most 1");
        md.append('\n')
                .append(String.format(
                        Locale.ROOT,
                        "Delivered %,d of %,d events logged (single) and %,d of %,d (packed).%n",
                        single.delivered(),
                        single.logged(),
                        packed.delivered(),
                        packed.logged()))
                .append(END);
        return md.toString();
    }

    private static void row(StringBuilder md, String what, double single, double packed, String format, String goal) {
        double ratio = packed / single;
        md.append("| ")
                .append(what)
                .append(" | ")
                .append(String.format(Locale.ROOT, format, single))
                .append(" | ")
                .append(String.format(Locale.ROOT, format, packed))
                .append(" | ")
                .append(String.format(Locale.ROOT, "%.3f", ratio))
                .append(" | ")
                .append(goal.isEmpty() ? "" : goal + (meets(goal, ratio) ? ": met" : ": **not met**"))
                .append(" |\n");
    }

    private static boolean meets(String goal, double ratio) {
        String limit = goal.substring("at most ".length());
        double most = limit.startsWith("1/") ? 1.0 / Double.parseDouble(limit.substring(2)) : Double.parseDouble(limit);
        return ratio <= most;
    }
}
