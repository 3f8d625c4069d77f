package io.github.kinlog.common.send;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach Kinesis. Validated by {@link io.github.kinlog.common.KinlogConfig}.
 *
 * @param name names the transport's threads
 * @param region the AWS region, or null for the SDK's default region chain
 * @param endpoint an endpoint to use instead of the region's, or null
 * @param profile a named profile for credentials, or null for the SDK's default credentials chain
 * @param roleArn a role to assume for writing, or null (needs software.amazon.awssdk:sts)
 * @param roleSessionName the session name when assuming the role
 * @param httpClient which HTTP client to use
 * @param requestTimeout the most one PutRecords attempt may take
 * @param maxInFlight the most requests open at once, and so the connections needed
 * @param clientFactory a class making the client instead, or null
 */
public record ClientSettings(
        String name,
        String region,
        URI endpoint,
        String profile,
        String roleArn,
        String roleSessionName,
        HttpClientChoice httpClient,
        Duration requestTimeout,
        int maxInFlight,
        String clientFactory) {}
