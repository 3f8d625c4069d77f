package io.github.kinlog.redshift;

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
}
