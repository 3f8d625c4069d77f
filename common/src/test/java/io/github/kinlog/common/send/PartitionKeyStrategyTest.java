package io.github.kinlog.common.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kinlog.common.testing.TestEvent;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionKeyStrategyTest {
    private static String key(String spec, TestEvent event) {
        return PartitionKeyStrategy.parse(spec, "host-7").keyFor(event);
    }

    @Test
    void randomKeysSpreadAndAreShort() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String key = key("random", new TestEvent());
            assertThat(key).hasSizeBetween(1, 16);
            keys.add(key);
        }
        assertThat(keys).hasSizeGreaterThan(990);
    }

    @Test
    void fixedStrategies() {
        TestEvent event = new TestEvent();
        event.thread = "worker-3";
        assertThat(key("constant:app-1", event)).isEqualTo("app-1");
        assertThat(key("host", event)).isEqualTo("host-7");
        assertThat(key("thread", event)).isEqualTo("worker-3");
        assertThat(key(" Random ", event)).hasSizeBetween(1, 16);
    }

    @Test
    void eventValuesWithFallbacks() {
        TestEvent withTenant = new TestEvent().mdc("tenant", "acme").field("order", 42);
        TestEvent without = new TestEvent();
        assertThat(key("mdc:tenant", withTenant)).isEqualTo("acme");
        assertThat(key("field:order", withTenant)).isEqualTo("42");
        assertThat(key("mdc:tenant|host", without)).isEqualTo("host-7");
        assertThat(key("mdc:tenant|field:order|constant:none", without)).isEqualTo("none");
        assertThat(key("mdc:tenant", without)).hasSizeBetween(1, 16);
        assertThat(key("mdc:tenant|host", new TestEvent().mdc("tenant", ""))).isEqualTo("host-7");
    }

    @Test
    void keysAreCutTo256CharactersWithoutSplittingPairs() {
        String emoji = "\uD83D\uDE00";
        assertThat(key("constant:" + "k".repeat(300), new TestEvent())).hasSize(256);
        String cut = key("mdc:k", new TestEvent().mdc("k", "a" + emoji.repeat(200)));
        assertThat(cut).hasSize(255).endsWith(emoji);
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertThatThrownBy(() -> PartitionKeyStrategy.parse("shard", "h"))
                .hasMessageContaining("partitionKey must be random, constant:VALUE, host, thread, mdc:KEY or field:KEY")
                .hasMessageContaining("'shard'");
        assertThatThrownBy(() -> PartitionKeyStrategy.parse("mdc:", "h")).hasMessageContaining("names no key");
        assertThatThrownBy(() -> PartitionKeyStrategy.parse("constant:", "h")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> PartitionKeyStrategy.parse("host|random", "h"))
                .hasMessageContaining("only mdc:KEY and field:KEY take a '|' fallback");
        assertThatThrownBy(() -> PartitionKeyStrategy.parse(" ", "h")).hasMessageContaining("must not be empty");
    }
}
