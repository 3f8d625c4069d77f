package io.github.kinlog.redshift;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of the load, in order: a statement, a statement whose row count is kept, a single value read into a
 * variable, or the clock read into a variable. Statements refer to variables as {@code :name}. Redshift runs the steps
 * as a stored procedure ({@link LoadProcedure}); a local warehouse runs them through JDBC in one transaction.
 */
public sealed interface LoadStep {
    /** Why the step is there, for the procedure's comments. */
    String purpose();

    /** A statement run for its effect. */
    record Run(String purpose, String sql) implements LoadStep {}

    /** A statement whose count of rows changed goes into {@code variable}. */
    record Count(String purpose, String sql, String variable) implements LoadStep {}

    /** {@code SELECT expression from} gives one value, which goes into {@code variable}. */
    record Read(String purpose, String expression, String from, String variable) implements LoadStep {}

    /** The current time goes into {@code variable}. */
    record Clock(String purpose, String variable) implements LoadStep {}

    /**
     * {@code sql} with each {@code :name} replaced by what {@code replacement} gives for the variable's name; throws
     * IllegalStateException for a name that is not one of {@link WarehouseDesign#variables()}.
     */
    static String bind(String sql, Function<String, String> replacement) {
        // Not inside a PostgreSQL cast (::type) or a word.
        Matcher matcher = Pattern.compile("(?<![:\\w]):([a-z_]+)").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            if (!WarehouseDesign.variables().containsKey(matcher.group(1))) {
                throw new IllegalStateException("unknown load variable :" + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher.group(1))));
        }
        return matcher.appendTail(out).toString();
    }
}
