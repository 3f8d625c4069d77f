package io.github.kinlog.redshift;

import java.util.List;

/**
 * The load as a Redshift stored procedure in PL/pgSQL, in the default (atomic) mode: every step runs in the one
 * transaction of the CALL, so a load that fails or is killed changes nothing. Variables are prefixed {@code v_}, so
 * none takes a column's name.
 */
final class LoadProcedure {
    private LoadProcedure() {}

    static String render(RedshiftSetup setup, List<LoadStep> steps, boolean caseSensitive) {
        StringBuilder body = new StringBuilder();
        for (LoadStep step : steps) {
            body.append("    -- ").append(step.purpose()).append('\n');
            if (step instanceof LoadStep.Run run) {
                body.append(indent(variables(run.sql()))).append(";\n");
            } else if (step instanceof LoadStep.Count count) {
                body.append(indent(variables(count.sql())))
                        .append(";\n    GET DIAGNOSTICS v_")
                        .append(count.variable())
                        .append(" := ROW_COUNT;\n");
            } else if (step instanceof LoadStep.Read read) {
                body.append("    SELECT INTO v_")
                        .append(read.variable())
                        .append(' ')
                        .append(read.expression())
                        .append('\n')
                        .append(indent(variables(read.from())))
                        .append(";\n");
            } else if (step instanceof LoadStep.Clock clock) {
                // GETDATE() is the start of the current statement, within a transaction too; SYSDATE would be the
                // start of the transaction, the same for every step.
                body.append("    v_").append(clock.variable()).append(" := GETDATE();\n");
            }
        }
        StringBuilder declarations = new StringBuilder();
        WarehouseDesign.variables()
                .forEach((name, type) -> declarations
                        .append("    v_")
                        .append(name)
                        .append(' ')
                        .append(type.sql())
                        .append(type.base() == ColumnType.Base.BIGINT ? " := 0" : "")
                        .append(";\n"));
        return "CREATE OR REPLACE PROCEDURE " + setup.loadProcedure() + "()\nAS $$\nDECLARE\n" + declarations
                + "BEGIN\n" + body + "END;\n$$ LANGUAGE plpgsql"
                + (caseSensitive ? "\nSET enable_case_sensitive_identifier TO true" : "");
    }

    private static String variables(String sql) {
        return LoadStep.bind(sql, name -> "v_" + name);
    }

    private static String indent(String sql) {
        return "    " + sql.replace("\n", "\n    ");
    }
}
