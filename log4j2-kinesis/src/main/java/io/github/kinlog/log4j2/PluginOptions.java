package io.github.kinlog.log4j2;

import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.Options;
import java.lang.reflect.Field;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;

/**
 * Hands a plugin builder's attributes that are Kinlog options to a {@link KinlogConfig.Builder}, by name, so a builder
 * declares each option once, as the field Log4j2 fills. An attribute left unset is null, and the option keeps the
 * default declared in {@link Options}.
 */
final class PluginOptions {
    private PluginOptions() {}

    static KinlogConfig.Builder read(Object pluginBuilder, KinlogConfig.Builder options) {
        for (Class<?> type = pluginBuilder.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(PluginBuilderAttribute.class) && Options.named(field.getName()) != null) {
                    options.set(field.getName(), valueOf(field, pluginBuilder));
                }
            }
        }
        return options;
    }

    private static Object valueOf(Field field, Object pluginBuilder) {
        try {
            // Log4j2 fills these same fields by reflection; its GraalVM metadata lists them.
            field.setAccessible(true);
            return field.get(pluginBuilder);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the attribute " + field.getName(), e);
        }
    }
}
