package io.github.kinlog.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * An HTTP proxy in front of a Kinesis endpoint that injects one {@link Fault} at a time into PutRecords calls: it
 * answers for Kinesis (throttling, 5xx, access denied), rewrites requests and answers (a share of records throttled),
 * resets connections mid-request, holds answers past the client's timeout, or goes away altogether. Other API calls
 * pass through untouched. It speaks the AWS SDK's CBOR protocol and the JSON one, like Kinesis.
 */
final class FaultProxy implements AutoCloseable {
    private static final String PUT_RECORDS = "Kinesis_20131202.PutRecords";
    private static final String CBOR = "application/x-amz-cbor-1.1";
    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

    /** What the proxy does to each PutRecords call while the fault is set. */
    enum Fault {
        /** Pass everything through. */
        NONE,
        /** Refuse a fifth of each request's records with ProvisionedThroughputExceededException, pass the rest. */
        THROTTLE_SHARE,
        /** Refuse the whole request with ProvisionedThroughputExceededException (HTTP 400). */
        THROTTLE_REQUEST,
        /** Answer 500 InternalFailure and 503 ServiceUnavailable, alternately. */
        SERVER_ERROR,
        /** Read the request, then reset the connection instead of answering. */
        RESET,
        /** Pass the request through (so it is written), then hold the answer past any client timeout. */
        SLOW,
        /** Read the request and never answer, as a black-holed network path does. */
        HANG,
        /** Refuse with AccessDeniedException, as for a producer role without kinesis:PutRecords. */
        ACCESS_DENIED
    }

    private final URI upstream;
    private final HttpClient forwarder;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper cbor = new ObjectMapper(new CBORFactory());
    private final Random random = new Random(20261124L);
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Map<Fault, LongAdder> faulted = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();
    private final int port;
    private volatile Fault fault = Fault.NONE;
    private volatile Duration slowAnswer = Duration.ofSeconds(5);
    private final ServerSocket server;
    /** Down: every connection is reset as soon as it is made. */
    private volatile boolean down;

    FaultProxy(URI upstream) {
        this.upstream = upstream;
        this.forwarder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    /** The endpoint to configure the appender with. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void fault(Fault fault) {
        this.fault = fault;
    }

    /** How long {@link Fault#SLOW} holds each answer. */
    void slowAnswer(Duration delay) {
        this.slowAnswer = delay;
    }

    /** PutRecords calls that met each fault. */
    long faulted(Fault which) {
        LongAdder count = faulted.get(which);
        return count == null ? 0 : count.sum();
    }

    /**
     * The endpoint goes away: open connections are reset, and new ones are reset as soon as they are made, until
     * {@link #up()}. The port stays bound: closed, it could be taken meanwhile by another test's listener (tests run
     * in parallel, and ports are handed out again), and clients would deliver through that one.
     */
    void down() {
        down = true;
        for (Socket socket : connections) {
            reset(socket);
        }
    }

    /** The endpoint is back. */
    void up() {
        down = false;
    }

    @Override
    public void close() {
        down();
        closeQuietly(server);
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on port " + port, e);
        }
    }

    private void accept(ServerSocket listening) {
        Thread acceptor = new Thread(
                () -> {
                    while (!listening.isClosed()) {
                        try {
                            Socket socket = listening.accept();
                            if (down) {
                                reset(socket);
                                continue;
                            }
                            connections.add(socket);
                            Thread connection = new Thread(() -> serve(socket), "fault-proxy-connection");
                            connection.setDaemon(true);
                            connection.start();
                        } catch (IOException closedOrFailed) {
                            return;
                        }
                    }
                },
                "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Serves one keep-alive connection until the client closes it or a fault ends it. */
    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = Request.read(in);
                if (request == null) {
                    return;
                }
                if (!handle(request, socket, out)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException connectionGone) {
            // the client or a fault closed the connection
        } finally {
            connections.remove(socket);
        }
    }

    /** Answers one request; false when the connection must end. */
    private boolean handle(Request request, Socket socket, OutputStream out) throws IOException {
        boolean putRecords = PUT_RECORDS.equals(request.header("x-amz-target"));
        Fault now = putRecords ? fault : Fault.NONE;
        if (now != Fault.NONE) {
            faulted.computeIfAbsent(now, key -> new LongAdder()).increment();
        }
        ObjectMapper format = CBOR.equals(request.header("content-type")) ? cbor : json;
        switch (now) {
            case NONE -> forwardAndAnswer(request, out);
            case THROTTLE_SHARE -> throttleShare(request, format, out);
            case THROTTLE_REQUEST ->
                error(
                        out,
                        request,
                        format,
                        400,
                        "ProvisionedThroughputExceededException",
                        "Rate exceeded for shard shardId-000000000000 in stream under account 000000000000.");
            case SERVER_ERROR -> {
                boolean odd = requestIds.incrementAndGet() % 2 == 1;
                error(
                        out,
                        request,
                        format,
                        odd ? 500 : 503,
                        odd ? "InternalFailure" : "ServiceUnavailable",
                        "Injected by the fault proxy");
            }
            case RESET -> {
                reset(socket);
                return false;
            }
            case HANG -> {
                // Until the client gives up and closes the connection.
                while (socket.getInputStream().read() != -1) {
                    // discard
                }
                return false;
            }
            case SLOW -> {
                Answer answer = forward(request);
                sleep(slowAnswer);
                answer.write(out);
            }
            case ACCESS_DENIED ->
                error(
                        out,
                        request,
                        format,
                        400,
                        "AccessDeniedException",
                        "User: arn:aws:sts::000000000000:assumed-role/app/session is not authorized to perform:"
                                + " kinesis:PutRecords on resource: arn:aws:kinesis:us-east-1:000000000000:stream/x"
                                + " because no identity-based policy allows the kinesis:PutRecords action");
        }
        return true;
    }

    private void forwardAndAnswer(Request request, OutputStream out) throws IOException {
        forward(request).write(out);
    }

    /** Forwards the request minus a fifth of its records, and answers as Kinesis would for a partial failure. */
    private void throttleShare(Request request, ObjectMapper format, OutputStream out) throws IOException {
        ObjectNode body = (ObjectNode) format.readTree(request.body);
        ArrayNode records = (ArrayNode) body.get("Records");
        boolean[] refused = new boolean[records.size()];
        ArrayNode passed = format.createArrayNode();
        synchronized (random) {
            for (int i = 0; i < refused.length; i++) {
                refused[i] = random.nextInt(5) == 0;
                if (!refused[i]) {
                    passed.add(records.get(i));
                }
            }
        }
        JsonNode upstreamRecords = format.createArrayNode();
        int failed = 0;
        if (!passed.isEmpty()) {
            body.set("Records", passed);
            Answer answer = forward(request.withBody(format.writeValueAsBytes(body)));
            if (answer.status != 200) {
                answer.write(out);
                return;
            }
            JsonNode answered = format.readTree(answer.body);
            upstreamRecords = answered.get("Records");
            failed = answered.path("FailedRecordCount").asInt();
        }
        ArrayNode merged = format.createArrayNode();
        int next = 0;
        for (boolean wasRefused : refused) {
            if (wasRefused) {
                failed++;
                merged.addObject()
                        .put("ErrorCode", "ProvisionedThroughputExceededException")
                        .put("ErrorMessage", "Rate exceeded for shard shardId-000000000000 (injected)");
            } else {
                merged.add(upstreamRecords.get(next++));
            }
        }
        ObjectNode answer = format.createObjectNode();
        answer.put("FailedRecordCount", failed);
        answer.set("Records", merged);
        new Answer(200, Map.of("Content-Type", request.header("content-type")), format.writeValueAsBytes(answer))
                .write(out);
    }

    private void error(OutputStream out, Request request, ObjectMapper format, int status, String type, String message)
            throws IOException {
        ObjectNode body = format.createObjectNode().put("__type", type).put("message", message);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", request.header("content-type"));
        headers.put("x-amzn-ErrorType", type + ":");
        headers.put("x-amzn-RequestId", "fault-" + requestIds.incrementAndGet());
        new Answer(status, headers, format.writeValueAsBytes(body)).write(out);
    }

    private Answer forward(Request request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(upstream.resolve(request.target))
                .timeout(Duration.ofSeconds(30))
                .method(request.method, HttpRequest.BodyPublishers.ofByteArray(request.body));
        request.headers.forEach((name, value) -> {
            if (!NOT_FORWARDED.contains(name)) {
                builder.header(name, value);
            }
        });
        try {
            HttpResponse<byte[]> response = forwarder.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !values.isEmpty()) {
                    headers.put(name, values.get(0));
                }
            });
            return new Answer(response.statusCode(), headers, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Closes with a TCP reset, as a failing load balancer or a dropped network path does. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException alreadyClosed) {
            // closing is all that is left
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One HTTP/1.1 request as read from the client. */
    private record Request(String method, String target, Map<String, String> headers, byte[] body) {
        /** The next request on the connection, or null when the client closed it. */
        static Request read(InputStream in) throws IOException {
            String requestLine = line(in);
            if (requestLine == null) {
                return null;
            }
            String[] parts = requestLine.split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = chunked(in);
            } else {
                body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            }
            return new Request(parts[0], parts[1], headers, body);
        }

        String header(String name) {
            return headers.get(name);
        }

        Request withBody(byte[] newBody) {
            return new Request(method, target, headers, newBody);
        }

        private static byte[] chunked(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                if (size == null) {
                    throw new EOFException("connection closed inside a chunked body");
                }
                int length = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (length == 0) {
                    for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                        // trailers are not used by the SDK
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(length));
                line(in);
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
                }
                line.write(b);
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** One HTTP/1.1 answer to write back. */
    private record Answer(int status, Map<String, String> headers, byte[] body) {
        void write(OutputStream out) throws IOException {
            StringBuilder head = new StringBuilder("HTTP/1.1 ")
                    .append(status)
                    .append(status == 200 ? " OK" : " Error")
                    .append("\r\n");
            List<String> lines = new ArrayList<>();
            headers.forEach((name, value) -> lines.add(name + ": " + value));
            lines.add("Content-Length: " + body.length);
            for (String line : lines) {
                head.append(line).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        }
    }
}
