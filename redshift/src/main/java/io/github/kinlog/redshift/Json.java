package io.github.kinlog.redshift;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;

/** A small JSON tree, printed with two-space indents the way IAM policies are usually written. */
sealed interface Json {
    void print(StringBuilder out, int indent);

    static Json string(String text) {
        return new Text(text);
    }

    static Json object(List<Entry> entries) {
        return new Obj(List.copyOf(entries));
    }

    static Json array(List<Json> elements) {
        return new Arr(List.copyOf(elements));
    }

    static Json strings(List<String> texts) {
        return texts.size() == 1
                ? string(texts.get(0))
                : array(texts.stream().map(Json::string).toList());
    }

    static Entry entry(String name, Json value) {
        return new Entry(name, value);
    }

    static Entry entry(String name, String value) {
        return new Entry(name, string(value));
    }

    /** The document, ending in a newline. */
    default String document() {
        StringBuilder out = new StringBuilder();
        print(out, 0);
        return out.append('\n').toString();
    }

    record Entry(String name, Json value) {}

    record Text(String text) implements Json {
        @Override
        public void print(StringBuilder out, int indent) {
            out.append('"')
                    .append(JsonStringEncoder.getInstance().quoteAsString(text))
                    .append('"');
        }
    }

    record Obj(List<Entry> entries) implements Json {
        @Override
        public void print(StringBuilder out, int indent) {
            out.append('{');
            for (int i = 0; i < entries.size(); i++) {
                out.append(i == 0 ? "\n" : ",\n").append("  ".repeat(indent + 1));
                new Text(entries.get(i).name()).print(out, indent + 1);
                out.append(": ");
                entries.get(i).value().print(out, indent + 1);
            }
            out.append('\n').append("  ".repeat(indent)).append('}');
        }
    }

    record Arr(List<Json> elements) implements Json {
        @Override
        public void print(StringBuilder out, int indent) {
            out.append('[');
            for (int i = 0; i < elements.size(); i++) {
                out.append(i == 0 ? "\n" : ",\n").append("  ".repeat(indent + 1));
                elements.get(i).print(out, indent + 1);
            }
            out.append('\n').append("  ".repeat(indent)).append(']');
        }
    }
}
