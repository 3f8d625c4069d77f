package io.github.kinlog.common.send;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Credentials for an assumed role. Loaded only when {@code roleArn} is set, because the STS client it needs is an
 * optional dependency.
 */
final class AssumedRoleCredentials {
    private AssumedRoleCredentials() {}

    static AwsCredentialsProvider create(ClientSettings settings, AwsCredentialsProvider base, SdkHttpClient http) {
        StsClientBuilder sts = StsClient.builder().credentialsProvider(base).httpClient(http);
        if (settings.region() != null) {
            sts.region(Region.of(settings.region()));
        }
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts.build())
                .refreshRequest(
                        request -> request.roleArn(settings.roleArn()).roleSessionName(settings.roleSessionName()))
                .build();
    }
}
