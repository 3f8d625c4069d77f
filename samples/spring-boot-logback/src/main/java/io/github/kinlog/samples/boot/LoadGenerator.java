package io.github.kinlog.samples.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;

/**
 * Exercises the shop like a crowd of users: {@code LoadGenerator [baseUrl] [requestsPerSecond] [seconds]}.
 * Counts the requests it made, which is the number of {@code shop.api} events the shop logged.
 */
public final class LoadGenerator {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final Random random = new Random(7);
    private long requests;
    private long failures;

    public LoadGenerator(URI base) {
        this.base = base;
    }

    /** Sends {@code perSecond} requests a second for {@code duration}; returns how many were answered. */
    public long run(int perSecond, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        while (System.nanoTime() < end) {
            long due = (System.nanoTime() - start) * perSecond / 1_000_000_000L;
            while (sent < due) {
                one();
                sent++;
            }
            Thread.sleep(5);
        }
        return requests;
    }

    private void one() throws InterruptedException {
        String user = "u" + (1000 + random.nextInt(100));
        HttpRequest.Builder request = switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> HttpRequest.newBuilder(base.resolve("/products/" + random.nextInt(500)));
            case 4, 5 -> HttpRequest.newBuilder(base.resolve("/search?q=item" + random.nextInt(50)));
            case 6, 7 ->
                HttpRequest.newBuilder(base.resolve("/cart/" + random.nextInt(500)))
                        .POST(HttpRequest.BodyPublishers.noBody());
            default -> HttpRequest.newBuilder(base.resolve("/orders")).POST(HttpRequest.BodyPublishers.noBody());
        };
        try {
            HttpResponse<Void> response = http.send(
                    request.header("X-User", user)
                            .header("X-Session", user + "-s")
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            requests++;
            // 402 is a declined payment, part of the simulation; anything else but success is a broken shop.
            int status = response.statusCode();
            if ((status < 200 || status > 299) && status != 402) {
                failures++;
            }
        } catch (java.io.IOException e) {
            failures++;
        }
    }

    public long requests() {
        return requests;
    }

    public long failures() {
        return failures;
    }

    public static void main(String[] args) throws InterruptedException {
        URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:8080");
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        LoadGenerator load = new LoadGenerator(base);
        load.run(rate, Duration.ofSeconds(seconds));
        System.out.printf("%d requests answered, %d failed%n", load.requests(), load.failures());
    }
}
