package io.github.kinlog.common.send;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Kinesis. Validated by {@link io.github.kinlog.common.KinlogConfig}.
 */
public final class ClientSettings {
    private final String name;
    private final String region;
    private final URI endpoint;
    private final String profile;
    private final String roleArn;
    private final String roleSessionName;
    private final HttpClientChoice httpClient;
    private final Duration requestTimeout;
    private final int maxInFlight;
    private final String clientFactory;

    public ClientSettings(
            String name,
            String region,
            URI endpoint,
            String profile,
            String roleArn,
            String roleSessionName,
            HttpClientChoice httpClient,
            Duration requestTimeout,
            int maxInFlight,
            String clientFactory) {
        this.name = name;
        this.region = region;
        this.endpoint = endpoint;
        this.profile = profile;
        this.roleArn = roleArn;
        this.roleSessionName = roleSessionName;
        this.httpClient = httpClient;
        this.requestTimeout = requestTimeout;
        this.maxInFlight = maxInFlight;
        this.clientFactory = clientFactory;
    }

    /** Names the transport's threads. */
    public String name() {
        return name;
    }

    /** The AWS region, or null for the SDK's default region chain. */
    public String region() {
        return region;
    }

    /** An endpoint to use instead of the region's, or null. */
    public URI endpoint() {
        return endpoint;
    }

    /** A named profile for credentials, or null for the SDK's default credentials chain. */
    public String profile() {
        return profile;
    }

    /** A role to assume for writing, or null (needs software.amazon.awssdk:sts). */
    public String roleArn() {
        return roleArn;
    }

    /** The session name when assuming the role. */
    public String roleSessionName() {
        return roleSessionName;
    }

    /** Which HTTP client to use. */
    public HttpClientChoice httpClient() {
        return httpClient;
    }

    /** The most one PutRecords attempt may take. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The most requests open at once, and so the connections needed. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** A class making the client instead, or null. */
    public String clientFactory() {
        return clientFactory;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ClientSettings)) {
            return false;
        }
        ClientSettings that = (ClientSettings) other;
        return Objects.equals(name, that.name)
                && Objects.equals(region, that.region)
                && Objects.equals(endpoint, that.endpoint)
                && Objects.equals(profile, that.profile)
                && Objects.equals(roleArn, that.roleArn)
                && Objects.equals(roleSessionName, that.roleSessionName)
                && Objects.equals(httpClient, that.httpClient)
                && Objects.equals(requestTimeout, that.requestTimeout)
                && maxInFlight == that.maxInFlight
                && Objects.equals(clientFactory, that.clientFactory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                name,
                region,
                endpoint,
                profile,
                roleArn,
                roleSessionName,
                httpClient,
                requestTimeout,
                maxInFlight,
                clientFactory);
    }

    @Override
    public String toString() {
        return "ClientSettings[" + "name=" + name + ", region=" + region + ", endpoint=" + endpoint + ", profile="
                + profile + ", roleArn=" + roleArn + ", roleSessionName=" + roleSessionName + ", httpClient="
                + httpClient + ", requestTimeout=" + requestTimeout + ", maxInFlight=" + maxInFlight
                + ", clientFactory=" + clientFactory + "]";
    }
}
