package io.github.kinlog.common.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

class WholeBodyHttpClientTest {
    private static final byte[] BODY = "{\"StreamName\":\"s\",\"Records\":[]}".getBytes(StandardCharsets.UTF_8);

    private static HttpExecuteRequest post(URI uri) {
        return HttpExecuteRequest.builder()
                .request(SdkHttpRequest.builder()
                        .method(SdkHttpMethod.POST)
                        .uri(uri)
                        .putHeader("Content-Type", "application/x-amz-json-1.1")
                        .putHeader("Content-Length", Integer.toString(BODY.length))
                        .putHeader("Authorization", "signed")
                        .build())
                .contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(BODY))
                .build();
    }

    @Test
    void theClientGetsTheRequestWithoutItsLengthAndOtherwiseUnchanged() {
        List<HttpExecuteRequest> seen = new ArrayList<>();
        HttpExecuteRequest request = post(URI.create("http://127.0.0.1:9/"));
        SdkHttpClient recording = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest given) {
                seen.add(given);
                return null;
            }

            @Override
            public void close() {}
        };

        new WholeBodyHttpClient(recording).prepareRequest(request);

        SdkHttpRequest passed = seen.get(0).httpRequest();
        assertThat(passed.firstMatchingHeader("Content-Length")).isEmpty();
        assertThat(passed.headers()).containsKeys("Content-Type", "Authorization");
        assertThat(passed.getUri()).isEqualTo(request.httpRequest().getUri());
        assertThat(seen.get(0).contentStreamProvider())
                .containsSame(request.contentStreamProvider().get());
    }

    @Test
    void urlConnectionStillSendsTheLengthAndTheWholeBody() throws Exception {
        CompletableFuture<String> length = new CompletableFuture<>();
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            length.complete(exchange.getRequestHeaders().getFirst("Content-Length"));
            body.complete(readAll(exchange.getRequestBody()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try (SdkHttpClient client = new WholeBodyHttpClient(UrlConnectionHttpClient.create())) {
            HttpExecuteResponse response = client.prepareRequest(post(
                            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")))
                    .call();

            assertThat(response.httpResponse().statusCode()).isEqualTo(200);
            assertThat(length.get(10, TimeUnit.SECONDS)).isEqualTo(Integer.toString(BODY.length));
            assertThat(body.get(10, TimeUnit.SECONDS)).isEqualTo(BODY);
        } finally {
            server.stop(0);
        }
    }

    private static byte[] readAll(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        for (int n; (n = in.read(chunk)) > 0; ) {
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }
}
