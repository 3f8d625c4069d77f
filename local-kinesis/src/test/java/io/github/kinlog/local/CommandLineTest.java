package io.github.kinlog.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private static final Set<String> KNOWN = Set.of("--stream", "--port");

    @Test
    void readsTheOptionsGivenAndFallsBackForTheOthers() {
        CommandLine line = CommandLine.parse(new String[] {"--port", "4600"}, KNOWN);

        assertThat(line.positive("--port", 4567)).isEqualTo(4600);
        assertThat(line.text("--stream", "app-logs")).isEqualTo("app-logs");
        assertThat(CommandLine.wantsHelp(new String[] {"--port", "1", "--help"}))
                .isTrue();
        assertThat(CommandLine.wantsHelp(new String[] {"--port", "1"})).isFalse();
    }

    @Test
    void mistakesAreNamedInOneLine() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--prot", "1"}, KNOWN))
                .hasMessage("unknown option '--prot'");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"app-logs"}, KNOWN))
                .hasMessage("unexpected argument 'app-logs'");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--stream"}, KNOWN))
                .hasMessage("--stream needs a value");
        CommandLine line = CommandLine.parse(new String[] {"--port", "zero"}, KNOWN);
        assertThatThrownBy(() -> line.positive("--port", 1))
                .hasMessage("--port takes a whole number above 0, not 'zero'");
        CommandLine negative = CommandLine.parse(new String[] {"--port", "-1"}, KNOWN);
        assertThatThrownBy(() -> negative.positive("--port", 1))
                .hasMessage("--port takes a whole number above 0, not '-1'");
    }
}
