package io.github.kinlog.benchmarks;

import io.github.kinlog.benchmarks.sink.PutRecordsSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a steady load costs, whole process, per delivered event after warm-up, for several builds or settings side by
 * side: each round runs the load generator alone (its cost is subtracted), then every variant once, each in a fresh
 * JVM ({@link ClientRun} at a steady rate) against one sink in another JVM. The order of the variants rotates from
 * round to round, so a drift in the machine's load does not favour one. Prints each run, then each variant's median
 * and its ratio to the first variant, round by round (these machines are noisy: compare ratios, not absolute times).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.kinlog.benchmarks.SteadyRateComparison \
 *     [--rate 10000] [--warmup-s 60] [--measure-s 60] [--rounds 3] [--client url-connection] [--jvm OPTION]... \
 *     NAME[=CLASSPATH_FIRST][;JVM_OPTION]...
 * </pre>
 *
 * <p>A variant is a name, optionally jars or folders put ahead of this jar (an older build of {@code kinlog-common},
 * say, whose classes then win), then, separated by {@code ;}, JVM options of its own ({@code -Dkey=value}, a flight
 * recording) or {@code client:NAME} for another HTTP client than {@code --client}. With no variant, the current build
 * alone.
 */
public final class SteadyRateComparison {
    private static final String GENERATOR = "generator only";
    private static final Pattern THREAD_CPU = Pattern.compile("([\\w-]+(?:\\([^)]*\\))?)=([\\d.]+)");

    private SteadyRateComparison() {}

    private record Variant(String name, String classPathFirst, String client, List<String> jvmOptions) {
        private static final String CLIENT = "client:";

        static Variant parse(String spec, String defaultClient) {
            List<String> parts = new ArrayList<>(Arrays.asList(spec.split(";")));
            String head = parts.remove(0);
            String client = parts.stream()
                    .filter(part -> part.startsWith(CLIENT))
                    .map(part -> part.substring(CLIENT.length()))
                    .findFirst()
                    .orElse(defaultClient);
            parts.removeIf(part -> part.startsWith(CLIENT));
            int equals = head.indexOf('=');
            return equals < 0
                    ? new Variant(head, "", client, parts)
                    : new Variant(head.substring(0, equals), head.substring(equals + 1), client, parts);
        }
    }

    public static void main(String[] args) throws Exception {
        int rate = 10_000;
        int warmupSeconds = 60;
        int measureSeconds = 60;
        int rounds = 3;
        String client = "url-connection";
        List<String> jvmOptions = new ArrayList<>(List.of("-Xmx1g"));
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--warmup-s" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--measure-s" -> measureSeconds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--client" -> client = args[++i];
                case "--jvm" -> jvmOptions.add(args[++i]);
                default -> specs.add(args[i]);
            }
        }
        List<Variant> variants = new ArrayList<>();
        for (String spec : specs) {
            variants.add(Variant.parse(spec, client));
        }
        if (variants.isEmpty()) {
            variants.add(new Variant("current", "", client, List.of()));
        }
        String warmup = Integer.toString(rate * warmupSeconds);
        String events = Integer.toString(rate * measureSeconds);
        System.err.printf(
                "%d events/s, %d s warm-up, %d s measured, %d rounds, client %s, JVM %s%n",
                rate, warmupSeconds, measureSeconds, rounds, client, jvmOptions);

        Map<String, List<Double>> net = new LinkedHashMap<>();
        Map<String, List<Double>> background = new LinkedHashMap<>();
        variants.forEach(v -> net.put(v.name(), new ArrayList<>()));
        variants.forEach(v -> background.put(v.name(), new ArrayList<>()));
        List<String> rows = new ArrayList<>();
        try (ChildJvm sink = ChildJvm.start(PutRecordsSink.class, List.of("-Xmx512m"), "0", "0", "0")) {
            String port = sink.awaitLine("sink listening on");
            for (int round = 1; round <= rounds; round++) {
                Map<String, String> generator = ClientComparison.run(
                        jvmOptions,
                        "",
                        port,
                        ClientRun.GENERATOR_ONLY,
                        "1",
                        warmup,
                        events,
                        "0",
                        Integer.toString(rate));
                double generatorCpu = Double.parseDouble(generator.get("cpuMicrosPerEvent"));
                rows.add(row(round, GENERATOR, generator, generatorCpu, 0));
                System.err.println(rows.get(rows.size() - 1));
                for (int k = 0; k < variants.size(); k++) {
                    Variant variant = variants.get((k + round - 1) % variants.size());
                    List<String> options = new ArrayList<>(jvmOptions);
                    options.addAll(variant.jvmOptions());
                    long sinkBefore = ClientComparison.sinkCpu(Integer.parseInt(port));
                    Map<String, String> result = ClientComparison.run(
                            options,
                            variant.classPathFirst(),
                            port,
                            variant.client(),
                            "4",
                            warmup,
                            events,
                            Long.toString(32L * 1024 * 1024),
                            Integer.toString(rate));
                    double sinkCpu = (ClientComparison.sinkCpu(Integer.parseInt(port)) - sinkBefore)
                            / 1000.0
                            / (Long.parseLong(warmup) + Long.parseLong(events));
                    double cpu = Double.parseDouble(result.get("cpuMicrosPerEvent"));
                    net.get(variant.name()).add(cpu - generatorCpu);
                    background.get(variant.name()).add(backgroundThreads(result.get("threads")));
                    rows.add(row(round, variant.name(), result, cpu - generatorCpu, sinkCpu));
                    System.err.println(rows.get(rows.size() - 1));
                }
            }
        }
        System.out.println("| round | variant | events/s | process CPU us/event | minus generator | sink CPU us/event"
                + " | requests | by thread (us/event) | allocated (bytes/event) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
        System.out.println();
        summary("CPU us/event, generator subtracted", net, variants.get(0).name(), rounds);
        System.out.println();
        summary(
                "CPU us/event of the sender's and transport's threads (all but main, GC and JIT)",
                background,
                variants.get(0).name(),
                rounds);
    }

    /** The sum of the named threads' CPU per event, leaving out the logging thread and the JVM's own (GC, JIT). */
    private static double backgroundThreads(String threads) {
        double sum = 0;
        for (Matcher m = THREAD_CPU.matcher(threads); m.find(); ) {
            if (!m.group(1).equals("main") && !m.group(1).startsWith("other")) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    private static void summary(String what, Map<String, List<Double>> values, String first, int rounds) {
        System.out.println("| variant | median " + what + " | ratio to " + first + " by round | median ratio |");
        System.out.println("| --- | --- | --- | --- |");
        Map<String, List<Double>> net = values;
        for (Map.Entry<String, List<Double>> entry : net.entrySet()) {
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                ratios.add(entry.getValue().get(r) / net.get(first).get(r));
            }
            StringBuilder byRound = new StringBuilder();
            ratios.forEach(
                    x -> byRound.append(byRound.length() == 0 ? "" : ", ").append(String.format("%.3f", x)));
            System.out.printf(
                    "| %s | %.2f | %s | %.3f |%n", entry.getKey(), median(entry.getValue()), byRound, median(ratios));
        }
    }

    private static String row(int round, String name, Map<String, String> result, double net, double sinkCpu) {
        return String.format(
                "| %d | %s | %s | %s | %.2f | %.2f | %s | %s | %s |",
                round,
                name,
                result.get("eventsPerSecond"),
                result.get("cpuMicrosPerEvent"),
                net,
                sinkCpu,
                result.get("requests"),
                result.get("threads"),
                result.get("allocation"));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
