package io.github.kinlog.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InternalEventsTest {
    @Test
    void theSdkAndHttpClientLoggersAreInternal() {
        assertThat(InternalEvents.isInternal("software.amazon.awssdk.request")).isTrue();
        assertThat(InternalEvents.isInternal("software.amazon.awssdk")).isTrue();
        assertThat(InternalEvents.isInternal("org.apache.http.wire")).isTrue();
        assertThat(InternalEvents.isInternal("io.netty.channel.DefaultChannelPipeline"))
                .isTrue();
    }

    @Test
    void applicationLoggersAreNot() {
        assertThat(InternalEvents.isInternal("com.example.Shop")).isFalse();
        assertThat(InternalEvents.isInternal("software.amazon.awssdkfoo")).isFalse();
        assertThat(InternalEvents.isInternal("io.nettyish.Thing")).isFalse();
        assertThat(InternalEvents.isInternal(null)).isFalse();
    }
}
