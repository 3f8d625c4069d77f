package io.github.kinlog.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The options of a command-line tool, given as {@code --name value} pairs and checked against the names it knows.
 * Mistakes throw IllegalArgumentException with a one-line message naming the option.
 */
public final class CommandLine {
    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = values;
    }

    /** Whether the arguments ask for the usage text. */
    public static boolean wantsHelp(String[] args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    /**
     * A tool's options, for its {@code main}: with {@code --help}, prints the usage and exits; with a mistake, says
     * what it is in one line on standard error and exits with status 2.
     */
    public static <T> T optionsOrExit(String tool, String usage, String[] args, Function<String[], T> parse) {
        if (wantsHelp(args)) {
            System.out.print(usage);
            System.exit(0);
        }
        try {
            return parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(tool + ": " + e.getMessage() + " (--help lists the options)");
            System.exit(2);
            throw e;
        }
    }

    public static CommandLine parse(String[] args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!known.contains(option)) {
                throw new IllegalArgumentException(
                        option.startsWith("-")
                                ? "unknown option '" + option + "'"
                                : "unexpected argument '" + option + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            values.put(option, args[++i]);
        }
        return new CommandLine(values);
    }

    public String text(String option, String fallback) {
        return values.getOrDefault(option, fallback);
    }

    /** A whole number above zero. */
    public int positive(String option, int fallback) {
        String value = values.get(option);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " takes a whole number above 0, not '" + value + "'");
    }
}
