package io.github.kinlog.logback;

/**
 * A field written with the same value into every event:
 * {@code <field><name>team</name><value>payments</value></field>} inside the appender or the encoder. Values take
 * Logback's variable substitution, such as {@code ${HOSTNAME}} or a {@code <springProperty>}.
 */
public final class StaticField {
    private String name;
    private String value;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
