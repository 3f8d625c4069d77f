package io.github.kinlog.common.send;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The url-connection client, handed each request without its {@code Content-Length} header, so that the JDK's
 * {@code HttpURLConnection} holds the body and writes it whole, as url-connection clients of older SDKs (2.14, say)
 * always did.
 *
 * <p>Given the length, newer url-connection clients stream the body instead: {@code HttpURLConnection} then writes it
 * to the socket in 4 KB pieces (some 50 system calls for a request of 500 typical events), and before every request
 * on a kept-alive connection it probes the connection with a 1 ms read that ends in a {@code SocketTimeoutException}.
 * Together that was about a tenth of the process's CPU per event, at 10,000 events a second on loopback. Kinlog's
 * bodies are at most {@code maxRequestBytes} and already held whole by the SDK, so holding them once more costs little.
 * The JDK sets the same length itself, so the signed request is unchanged.
 */
final class WholeBodyHttpClient implements SdkHttpClient {
    private static final String CONTENT_LENGTH = "Content-Length";

    private final SdkHttpClient client;

    WholeBodyHttpClient(SdkHttpClient client) {
        this.client = client;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest http = request.httpRequest();
        if (!http.firstMatchingHeader(CONTENT_LENGTH).isPresent()) {
            return client.prepareRequest(request);
        }
        HttpExecuteRequest.Builder whole = HttpExecuteRequest.builder()
                .request(http.toBuilder().removeHeader(CONTENT_LENGTH).build());
        request.contentStreamProvider().ifPresent(whole::contentStreamProvider);
        request.metricCollector().ifPresent(whole::metricCollector);
        return client.prepareRequest(whole.build());
    }

    @Override
    public String clientName() {
        return client.clientName();
    }

    @Override
    public void close() {
        client.close();
    }
}
