package io.github.kinlog.logback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.Option;
import io.github.kinlog.common.Options;
import io.github.kinlog.testsupport.ConfigProperties;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every option of the registry is a property of the Logback appender (and every encoder option one of
 * {@code KinlogJsonEncoder}), with the type Joran converts to, and setting it reaches the option.
 */
class OptionsOfferedTest {
    @Test
    void theAppenderTakesEveryOption() throws Exception {
        KinesisAppender appender = new KinesisAppender();
        check(KinesisAppender.class, appender, appender::options, Options.ALL);
    }

    @Test
    void theEncoderTakesEveryEncoderOption() throws Exception {
        KinlogJsonEncoder encoder = new KinlogJsonEncoder();
        check(KinlogJsonEncoder.class, encoder, encoder::options, Options.in(Option.Group.ENCODER));
    }

    private static void check(
            Class<?> type, Object target, Supplier<KinlogConfig.Builder> options, List<Option<?>> wanted)
            throws Exception {
        for (Option<?> option : wanted) {
            if (!option.attribute()) {
                assertThat(type.getMethod("addField", StaticField.class))
                        .as("the static fields' element")
                        .isNotNull();
                continue;
            }
            Object value = otherThanDefault(option);
            Method setter = ConfigProperties.setter(type, option.name());
            assertThat(setter.getParameterTypes()[0])
                    .as("%s's type", option)
                    .isEqualTo(option.parsed() ? String.class : primitive(option.type()));
            setter.invoke(target, value);
            if (option.group() == Option.Group.LOGBACK_APPENDER) {
                continue;
            }
            Object read = options.get().get(option);
            assertThat(option.parsed() ? option.show(read) : read)
                    .as("%s set", option)
                    .isEqualTo(value);
        }
    }

    private static Class<?> primitive(Class<?> boxed) {
        if (boxed == Integer.class) {
            return int.class;
        } else if (boxed == Long.class) {
            return long.class;
        } else if (boxed == Boolean.class) {
            return boolean.class;
        }
        return boxed;
    }

    private static Object otherThanDefault(Option<?> option) {
        return ConfigProperties.otherThan(option.name(), option.type(), option.defaultValue(), option::show);
    }
}
