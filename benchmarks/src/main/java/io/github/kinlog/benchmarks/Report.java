package io.github.kinlog.benchmarks;

import io.github.kinlog.benchmarks.PeerComparison.CallerRow;
import io.github.kinlog.benchmarks.PeerComparison.Delivery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes {@link PeerComparison}'s measurements as Markdown: the machine, the command, the tables, the goals. */
final class Report {
    private static final double LINGER_MILLIS = 100;
    private static final double ROUND_TRIP_MILLIS = 20;

    private Report() {}

    static String markdown(
            List<CallerRow> caller,
            Map<String, Delivery> burst0,
            Map<String, Delivery> burst20,
            Map<String, Delivery> rate1k,
            Map<String, Delivery> rate10k,
            Map<String, Delivery> throttled,
            long seconds) {
        StringBuilder md = new StringBuilder();
        md.append("# Kinlog against its peers\n\n")
                .append("Measured on ")
                .append(LocalDate.now())
                .append(" by one run of\n\n")
                .append("```\nmvn -pl benchmarks -am package -DskipTests\n")
                .append("java -cp benchmarks/target/benchmarks.jar io.github.kinlog.benchmarks.PeerComparison\n```\n\n")
                .append("which took ")
                .append(seconds / 60)
                .append(" min ")
                .append(seconds % 60)
                .append(" s on ")
                .append(machine())
                .append(". These machines are noisy: compare the ratios of one run, not absolute ")
                .append("figures across runs.\n\n")
                .append(
                        "Contenders: Kinlog's Log4j2 and Logback appenders; kdgregory `logback-aws-appenders` 3.2.1 with ")
                .append("`aws-facade-v1`; guardian `kinesis-logback-appender` 2.1.3; and, as the article's ")
                .append("file-plus-agent baselines, Log4j2 RandomAccessFile + JsonTemplateLayout and Logback ")
                .append("FileAppender + logstash-logback-encoder (the agent that ships the file is not measured; the ")
                .append(
                        "article's Fluent Bit flushes every 5 s). Every contender runs with its defaults against the same ")
                .append("local PutRecords/PutRecord sink, in a JVM of its own.\n\n");

        md.append("## Calling thread: cost per log call (JMH)\n\n")
                .append("`caller CPU` is the logging thread's own CPU time per call, `wall` JMH's score (which on ")
                .append(
                        "2 cores also counts waiting for a core while the senders run), `B/op` all threads' allocation ")
                .append("per call. Ratio: the contender's caller CPU over Kinlog's in the same framework, event and ")
                .append("thread count (below 1 means cheaper than Kinlog).\n\n")
                .append(
                        "| threads | framework | event | contender | caller CPU ns | wall ns/op | B/op | ratio to Kinlog |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (CallerRow row : caller) {
            Optional<CallerRow> kinlog = caller.stream()
                    .filter(r -> r.threads() == row.threads()
                            && r.framework().equals(row.framework())
                            && r.shape().equals(row.shape())
                            && r.appender().equals("kinlog"))
                    .findFirst();
            md.append(String.format(
                    "| %d | %s | %s | %s | %,.0f | %,.0f | %,.0f | %s |%n",
                    row.threads(),
                    row.framework(),
                    row.shape(),
                    name(row.appender(), row.framework()),
                    row.callerCpuNs(),
                    row.nsPerOp(),
                    row.bytesPerOp(),
                    kinlog.map(k -> String.format("%.2f", row.callerCpuNs() / k.callerCpuNs()))
                            .orElse("")));
        }

        md.append("\n## Delivery\n\n")
                .append("Typical events (two parameters, three MDC entries) from one thread. **events/s**: up to ")
                .append("100,000 events logged as fast as the appender takes them (at most 15 s), divided by the time ")
                .append(
                        "from the first log call to the last arrival at the sink (delivery cut off 20 s after the last ")
                .append("call, or after 4 s without progress). **Latency**: log call to arrival, at a steady rate for ")
                .append("5 s with a 20 ms round trip. **CPU** and **allocation**: the whole logging process per ")
                .append("delivered event, in the 0 ms burst. **Requests**: per 10,000 delivered events at 1,000/s. ")
                .append("**20% throttled**: a fifth of the records refused, at 1,000 events/s for 5 s.\n\n")
                .append("| contender | events/s, 0 ms | events/s, 20 ms | ratio to Kinlog, 20 ms | latency at 1,000/s ")
                .append("p50 / p99 / max ms | latency at 10,000/s p50 / p99 / max ms (delivered) | CPU µs/event | ")
                .append("bytes/event | requests per 10,000 | 20% throttled: delivered / logged, duplicates |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        Delivery kinlog20 = burst20.getOrDefault(
                "kinlog-logback", burst20.values().iterator().next());
        for (String contender : burst0.keySet()) {
            Delivery b0 = burst0.get(contender);
            Delivery b20 = burst20.get(contender);
            Delivery r1 = rate1k.get(contender);
            Delivery r10 = rate10k.get(contender);
            Delivery t = throttled.get(contender);
            md.append(String.format(
                    "| %s | %,.0f%s | %,.0f%s | %.2f | %s | %s (%s) | %.1f | %,.0f | %,.0f | %,d / %,d, %,d |%n",
                    name(contender, ""),
                    b0.eventsPerSecond(),
                    lossNote(b0),
                    b20.eventsPerSecond(),
                    lossNote(b20),
                    b20.eventsPerSecond() / kinlog20.eventsPerSecond(),
                    latency(r1),
                    latency(r10),
                    share(r10),
                    b0.delivered() == 0 ? Double.NaN : b0.cpuNanos() / 1000.0 / b0.delivered(),
                    b0.delivered() == 0 ? Double.NaN : (double) b0.allocatedBytes() / b0.delivered(),
                    r1.delivered() == 0 ? Double.NaN : r1.requests() * 10_000.0 / r1.delivered(),
                    t.delivered(),
                    t.logged(),
                    t.duplicates()));
        }

        md.append("\n## Goals\n\n");
        goals(md, caller, burst20, rate1k);
        return md.toString();
    }

    private static void goals(
            StringBuilder md, List<CallerRow> caller, Map<String, Delivery> burst20, Map<String, Delivery> rate1k) {
        for (CallerRow row : caller) {
            if (!row.appender().equals("kinlog")) {
                continue;
            }
            for (CallerRow other : caller) {
                if (other.threads() == row.threads()
                        && other.framework().equals(row.framework())
                        && other.shape().equals(row.shape())
                        && (other.appender().equals("file") || other.appender().equals("kdgregory"))) {
                    double ratio = row.callerCpuNs() / other.callerCpuNs();
                    boolean met = other.appender().equals("file") ? ratio <= 1.0 : ratio <= 0.5;
                    md.append(String.format(
                            "- %s %s, %d thread%s: Kinlog's caller CPU is %.2f of %s's (goal %s): %s%n",
                            row.framework(),
                            row.shape(),
                            row.threads(),
                            row.threads() == 1 ? "" : "s",
                            ratio,
                            other.appender(),
                            other.appender().equals("file") ? "at most 1" : "at most 0.5",
                            met ? "met" : "**not met**"));
                }
            }
        }
        if (burst20.containsKey("kinlog-logback") && burst20.containsKey("kdgregory")) {
            double throughput = burst20.get("kinlog-logback").eventsPerSecond()
                    / Math.max(1, burst20.get("kdgregory").eventsPerSecond());
            md.append(String.format(
                    "- Throughput at a 20 ms round trip: Kinlog (Logback) delivers %.1f times kdgregory's"
                            + " (goal at least 3): %s%n",
                    throughput, throughput >= 3 ? "met" : "**not met**"));
        }
        double bound = LINGER_MILLIS + 2 * ROUND_TRIP_MILLIS;
        for (String contender : List.of("kinlog-log4j2", "kinlog-logback")) {
            if (!rate1k.containsKey(contender)) {
                continue;
            }
            double p99 = rate1k.get(contender).p99Micros() / 1000.0;
            md.append(String.format(
                    "- p99 latency at 1,000 events/s, %s: %.0f ms (goal at most linger + 2 round trips = "
                            + "%.0f ms): %s%n",
                    name(contender, ""), p99, bound, p99 <= bound ? "met" : "**not met**"));
        }
    }

    private static String latency(Delivery d) {
        return String.format(
                "%,.0f / %,.0f / %,.0f", d.p50Micros() / 1000.0, d.p99Micros() / 1000.0, d.maxMicros() / 1000.0);
    }

    private static String share(Delivery d) {
        return String.format("%,d of %,d", d.delivered(), d.logged());
    }

    private static String lossNote(Delivery d) {
        return d.delivered() == d.logged() ? "" : String.format(" (%,d of %,d)", d.delivered(), d.logged());
    }

    private static String name(String contender, String framework) {
        return switch (contender) {
            case "kinlog" -> "Kinlog " + framework;
            case "kinlog-log4j2" -> "Kinlog Log4j2";
            case "kinlog-logback" -> "Kinlog Logback";
            case "file" ->
                framework.equals("Log4j2") ? "RandomAccessFile + JsonTemplateLayout" : "FileAppender + LogstashEncoder";
            case "kdgregory" -> "kdgregory 3.2.1";
            case "guardian" -> "guardian 2.1.3";
            default -> contender;
        };
    }

    /** The machine a measurement ran on, for the reports. */
    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the processor count and JDK still say something
        }
        return String.format(
                "%d cores (%s), %d GiB heap limit, Java %s, %s",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                Runtime.getRuntime().maxMemory() >> 30,
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
}
