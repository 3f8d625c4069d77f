package io.github.kinlog.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.Option;
import io.github.kinlog.common.Options;
import io.github.kinlog.testsupport.ConfigProperties;
import java.lang.reflect.Field;
import java.util.List;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.junit.jupiter.api.Test;

/**
 * Every option of the registry is an attribute of the {@code <Kinesis>} appender (and every encoder option one of
 * {@code <KinlogJsonLayout>}), unset until configured so the registry's default applies, with a setter that reaches
 * the option.
 */
class OptionsOfferedTest {
    @Test
    void theAppenderTakesEveryOption() throws Exception {
        check(KinesisAppender.newBuilder(), Options.common());
    }

    @Test
    void theLayoutTakesEveryEncoderOption() throws Exception {
        check(KinlogJsonLayout.newBuilder(), Options.in(Option.Group.ENCODER));
    }

    private static void check(Object builder, List<Option<?>> options) throws Exception {
        for (Option<?> option : options) {
            if (!option.attribute()) {
                assertThat(field(builder.getClass(), "fields")
                                .getAnnotation(PluginElement.class)
                                .value())
                        .as("the static fields' element")
                        .isEqualTo("Fields");
                continue;
            }
            Field field = field(builder.getClass(), option.name());
            assertThat(field)
                    .as("the attribute %s of %s", option, builder.getClass())
                    .isNotNull();
            assertThat(field.isAnnotationPresent(PluginBuilderAttribute.class)).isTrue();
            assertThat(field.getType())
                    .as("%s's type", option)
                    .isEqualTo(option.parsed() ? String.class : option.type());
            field.setAccessible(true);
            assertThat(field.get(builder))
                    .as("%s unset, so its declared default applies", option)
                    .isNull();

            Object value = otherThanDefault(option);
            ConfigProperties.setter(builder.getClass(), option.name()).invoke(builder, value);
            Object read = PluginOptions.read(builder, KinlogConfig.builder()).get(option);
            assertThat(option.parsed() ? option.show(read) : read)
                    .as("%s set", option)
                    .isEqualTo(value);
        }
    }

    private static Object otherThanDefault(Option<?> option) {
        return ConfigProperties.otherThan(option.name(), option.type(), option.defaultValue(), option::show);
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return field;
                }
            }
        }
        return null;
    }
}
