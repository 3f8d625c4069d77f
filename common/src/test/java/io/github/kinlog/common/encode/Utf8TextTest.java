package io.github.kinlog.common.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
    @Test
    void measuresLikeTheUtf8Encoder() {
        for (String text : new String[] {"", "abc", "\u00e9t\u00e9", "\u20ac", "\uD83D\uDE00", "a\uD800b"}) {
            String repaired = Utf8Text.repairSurrogates(text);
            assertThat(Utf8Text.utf8Length(text)).as(text).isEqualTo(repaired.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void fitsEveryLimitOnACharacterBoundary() {
        String text = "a\u00e9\u20ac\uD83D\uDE00".repeat(30); // 1 + 2 + 3 + 4 bytes, repeated
        int total = Utf8Text.utf8Length(text);
        for (int limit = 0; limit <= total + 1; limit++) {
            Utf8Text.Fitted fitted = Utf8Text.fit(text, limit);
            int bytes = fitted.text().getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).as("limit %d", limit).isLessThanOrEqualTo(limit);
            assertThat(Utf8Text.hasLoneSurrogate(fitted.text())).isFalse();
            if (limit >= total) {
                assertThat(fitted.text()).isEqualTo(text);
                assertThat(fitted.bytesCut()).isZero();
            } else if (!fitted.text().isEmpty()) {
                String kept = fitted.text().substring(0, fitted.text().indexOf('\u2026'));
                assertThat(text).startsWith(kept);
                assertThat(fitted.bytesCut()).isEqualTo(total - Utf8Text.utf8Length(kept));
                assertThat(fitted.text()).endsWith("[truncated " + fitted.bytesCut() + " bytes]");
            } else {
                assertThat(fitted.bytesCut()).isEqualTo(total);
            }
        }
    }
}
