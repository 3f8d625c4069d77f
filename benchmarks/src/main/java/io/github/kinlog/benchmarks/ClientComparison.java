package io.github.kinlog.benchmarks;

import io.github.kinlog.benchmarks.sink.PutRecordsSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the sender's defaults by measurement: for each HTTP client and maxInFlight, at 0 ms and 20 ms round trips,
 * how many events per second the sender delivers and what CPU each costs. The sink runs in its own JVM; each run in
 * another. Prints a Markdown table.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.github.kinlog.benchmarks.ClientComparison [events]}
 */
public final class ClientComparison {
    private static final Pattern FIELD = Pattern.compile("(\\w+)=([\\d.]+)");
    private static final List<String> CLIENTS =
            List.of("url-connection", "apache5", "netty", "crt", ClientRun.HAND_WRITTEN);
    /** Small, so the measurement is not dominated by collecting a full buffer over and over. */
    private static final String BUFFER_BYTES = Long.toString(8L * 1024 * 1024);

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int warmup = events / 2;
        List<String> rows = new ArrayList<>();
        for (int delay : new int[] {0, 20}) {
            int[] inFlights = delay == 0 ? new int[] {1, 4} : new int[] {1, 2, 4, 8};
            try (ChildJvm sink =
                    ChildJvm.start(PutRecordsSink.class, List.of("-Xmx512m"), "0", Integer.toString(delay), "0")) {
                int port = Integer.parseInt(sink.awaitLine("sink listening on"));
                for (String client : CLIENTS) {
                    for (int inFlight : inFlights) {
                        long sinkCpuBefore = sinkCpu(port);
                        Map<String, String> result = run(port, client, inFlight, warmup, events);
                        double sinkCpuPerEvent = (sinkCpu(port) - sinkCpuBefore) / 1000.0 / (warmup + events);
                        rows.add(String.format(
                                "| %d ms | %s | %d | %s | %s | %.2f | %s |",
                                delay,
                                client,
                                inFlight,
                                result.get("eventsPerSecond"),
                                result.get("cpuMicrosPerEvent"),
                                sinkCpuPerEvent,
                                result.get("requests")));
                        System.err.println(rows.get(rows.size() - 1));
                    }
                }
            }
        }
        System.out.println(
                "| round trip | HTTP client | maxInFlight | events/s | client CPU us/event | sink CPU us/event"
                        + " | requests |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
    }

    private static Map<String, String> run(int port, String client, int inFlight, int warmup, int events)
            throws Exception {
        return run(
                List.of("-Xmx1g", "-XX:+UseParallelGC"),
                "",
                Integer.toString(port),
                client,
                Integer.toString(inFlight),
                Integer.toString(warmup),
                Integer.toString(events),
                BUFFER_BYTES);
    }

    /**
     * Runs {@link ClientRun} in a JVM of its own and returns its result's fields, plus {@code threads} (its CPU by
     * thread) and {@code allocation} (its bytes by thread).
     */
    static Map<String, String> run(List<String> jvmOptions, String classPathFirst, String... args) throws Exception {
        try (ChildJvm run = ChildJvm.startWithClassPathFirst(ClientRun.class, jvmOptions, classPathFirst, args)) {
            String line = run.awaitLine(ClientRun.RESULT);
            Map<String, String> values = new HashMap<>();
            Matcher matcher = FIELD.matcher(line);
            while (matcher.find()) {
                values.put(matcher.group(1), matcher.group(2));
            }
            values.put("threads", run.awaitLine(ClientRun.THREADS));
            values.put("allocation", run.awaitLine(ClientRun.ALLOCATION));
            return values;
        }
    }

    static long sinkCpu(int port) throws Exception {
        String stats = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stats"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher matcher = Pattern.compile("\"cpuNanos\":(\\d+)").matcher(stats);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
