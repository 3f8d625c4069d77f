package io.github.kinlog.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The option registry is the one declaration: the README's reference table is generated from it, every option
 * reaches the configuration's description (the Log4j2 manager's key), and every range it declares is enforced.
 */
class OptionsTest {
    private static final Path README = Paths.get("..", "README.md");
    private static final String TABLE_HEAD = "| Option | Default | Meaning |\n";

    /** Valid values other than the default for the options whose text is checked. */
    private static final Map<String, String> TEXT = new HashMap<>();

    static {
        TEXT.put("streamName", "other-stream");
        TEXT.put("region", "eu-west-1");
        TEXT.put("endpoint", "http://localhost:1");
        TEXT.put("partitionKey", "host");
    }

    /** Run with -Dkinlog.readme.update=true to write the table into the README after changing an option. */
    @Test
    void theReadmeReferenceTableIsGeneratedFromTheRegistry() throws IOException {
        String readme = new String(Files.readAllBytes(README), StandardCharsets.UTF_8);
        int start = readme.indexOf(TABLE_HEAD, readme.indexOf("\n## Configuration reference\n"));
        assertThat(start).as("the README's reference table").isNotNegative();
        int end = readme.indexOf("\n\n", start) + 1;
        String generated = Options.referenceTable();
        if (Boolean.getBoolean("kinlog.readme.update")) {
            Files.write(
                    README,
                    (readme.substring(0, start) + generated + readme.substring(end)).getBytes(StandardCharsets.UTF_8));
            return;
        }
        assertThat(readme.substring(start, end))
                .as("README.md's reference table; rerun with -Dkinlog.readme.update=true to regenerate it")
                .isEqualTo(generated);
    }

    @Test
    void everyOptionChangesTheDescription() {
        String defaults = base().build().toString();
        for (Option<?> option : Options.common()) {
            KinlogConfig.Builder changed = base();
            if (option == Options.STATIC_FIELDS) {
                changed.staticField("team", "payments");
            } else {
                changed.set(option.name(), otherThanDefault(option));
            }
            assertThat(changed.build().toString())
                    .as("the description with %s changed", option)
                    .isNotEqualTo(defaults)
                    .contains(option.name() + "=");
        }
    }

    @Test
    void everyDeclaredRangeIsEnforced() {
        for (Option<?> option : Options.ALL) {
            if (!option.ranged()) {
                continue;
            }
            for (long outside : new long[] {option.min() - 1, option.max() + 1}) {
                KinlogConfig.Builder builder = base().set(option.name(), typed(option, outside));
                assertThatThrownBy(builder::build)
                        .as("%s = %d", option, outside)
                        .isInstanceOf(KinlogConfigException.class)
                        .hasMessageContaining(option.name() + " must be between " + option.min());
            }
        }
    }

    @Test
    void everyDeclaredOptionIsInTheList() throws IllegalAccessException {
        int declared = 0;
        for (Field field : Options.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Option.class) {
                declared++;
                assertThat(Options.ALL)
                        .as("Options.ALL lists %s", field.getName())
                        .contains((Option<?>) field.get(null));
            }
        }
        assertThat(declared).isEqualTo(Options.ALL.size());
    }

    @Test
    void everyOptionHasItsDocumentation() {
        for (Option<?> option : Options.ALL) {
            assertThat(option.meaning()).as("%s's meaning", option).isNotBlank();
            assertThat(option.documentedDefault()).as("%s's default", option).isNotBlank();
            if (option.defaultValue() != null) {
                assertThat(option.defaultValue()).isInstanceOf(option.type());
            }
        }
    }

    private static KinlogConfig.Builder base() {
        return KinlogConfig.builder().streamName("app-logs");
    }

    /** A valid value other than the default, as a framework would hand it over. */
    private static Object otherThanDefault(Option<?> option) {
        Object value = option.defaultValue();
        if (option.ranged()) {
            long number = ((Number) value).longValue();
            return typed(option, number + 1 <= option.max() ? number + 1 : number - 1);
        }
        if (option.type() == Boolean.class) {
            return !((Boolean) value);
        }
        if (option.parsed()) {
            for (Object constant : option.type().getEnumConstants()) {
                if (!constant.equals(value)) {
                    return option.show(constant);
                }
            }
        }
        return TEXT.getOrDefault(option.name(), "other");
    }

    private static Object typed(Option<?> option, long value) {
        return option.type() == Integer.class ? (Object) (int) value : (Object) value;
    }
}
