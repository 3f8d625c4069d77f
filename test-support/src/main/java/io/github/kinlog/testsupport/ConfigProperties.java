package io.github.kinlog.testsupport;

import java.lang.reflect.Method;
import java.util.function.Function;

/** For tests that check a framework's configuration object offers an option: its setter, and a value to set. */
public final class ConfigProperties {
    private ConfigProperties() {}

    /**
     * A value of the option's type other than its default, as a framework hands it over: numbers one above, the other
     * boolean, an enum's last constant written by {@code show}, text made from the name.
     */
    public static Object otherThan(String name, Class<?> type, Object defaultValue, Function<Object, String> show) {
        if (type == Integer.class) {
            return (Integer) defaultValue + 1;
        } else if (type == Long.class) {
            return (Long) defaultValue + 1;
        } else if (type == Boolean.class) {
            return !((Boolean) defaultValue);
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            Object last = constants[constants.length - 1];
            if (last.equals(defaultValue)) {
                throw new IllegalArgumentException(name + "'s default is its last constant");
            }
            return show.apply(last);
        }
        return "value-of-" + name;
    }

    /** The public one-argument setter of a property, {@code setName}; an AssertionError names what is missing. */
    public static Method setter(Class<?> type, String property) {
        String name = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1) {
                return method;
            }
        }
        throw new AssertionError(type.getName() + " has no property " + property);
    }
}
