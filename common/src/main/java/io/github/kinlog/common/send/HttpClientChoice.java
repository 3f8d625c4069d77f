package io.github.kinlog.common.send;

import java.util.Locale;

/**
 * The HTTP clients the sender can use. Only {@code url-connection} ships with Kinlog; for the others, add the named
 * artifact (group {@code software.amazon.awssdk}).
 */
public enum HttpClientChoice {
    URL_CONNECTION(
            "url-connection",
            "url-connection-client",
            "software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService",
            false),
    APACHE("apache", "apache-client", "software.amazon.awssdk.http.apache.ApacheSdkHttpService", false),
    APACHE5("apache5", "apache5-client", "software.amazon.awssdk.http.apache5.Apache5SdkHttpService", false),
    CRT("crt", "aws-crt-client", "software.amazon.awssdk.http.crt.AwsCrtSdkHttpService", true),
    NETTY("netty", "netty-nio-client", "software.amazon.awssdk.http.nio.netty.NettySdkAsyncHttpService", true);

    private final String configName;
    private final String artifact;
    private final String serviceClass;
    private final boolean async;

    HttpClientChoice(String configName, String artifact, String serviceClass, boolean async) {
        this.configName = configName;
        this.artifact = artifact;
        this.serviceClass = serviceClass;
        this.async = async;
    }

    public String configName() {
        return configName;
    }

    /** The artifact providing this client. */
    public String artifact() {
        return artifact;
    }

    /** The SDK's service-provider class for this client. */
    String serviceClass() {
        return serviceClass;
    }

    /** Whether the client is non-blocking (used through KinesisAsyncClient). */
    public boolean async() {
        return async;
    }

    public static HttpClientChoice parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (HttpClientChoice choice : values()) {
            if (choice.configName.equals(wanted)) {
                return choice;
            }
        }
        throw new IllegalArgumentException(
                "httpClient must be url-connection, apache, apache5, crt or netty, but is '" + text + "'");
    }
}
