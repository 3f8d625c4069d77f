package io.github.kinlog.log4j2;

import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

/**
 * A field written with the same value into every event: {@code <Field name="team" value="payments"/>} inside
 * {@code <Kinesis>} or {@code <KinlogJsonLayout>}. The value may use lookups such as {@code ${env:REGION}}.
 */
@Plugin(name = "Field", category = Node.CATEGORY, printObject = true)
public final class StaticField {
    private final String name;
    private final String value;

    private StaticField(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @PluginFactory
    public static StaticField createField(
            @PluginAttribute("name") String name, @PluginAttribute("value") String value) {
        return new StaticField(name, value);
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
