package io.github.kinlog.redshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadStepTest {
    @Test
    void bindReplacesEachVariableAndLeavesCastsAndWordsAlone() {
        String sql = "SELECT x::timestamp, a:b FROM t WHERE ts BETWEEN :min_ts AND :max_ts AND n = :records";

        assertThat(LoadStep.bind(sql, name -> "<" + name + ">"))
                .isEqualTo("SELECT x::timestamp, a:b FROM t WHERE ts BETWEEN <min_ts> AND <max_ts> AND n = <records>");
    }

    @Test
    void anUnknownVariableIsAMistakeInTheDesign() {
        assertThatThrownBy(() -> LoadStep.bind("VALUES (:nothing)", name -> "?"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(":nothing");
    }

    @Test
    void everyVariableTheStepsNameIsDeclared() {
        WarehouseDesign design =
                new WarehouseDesign(RedshiftSetup.builder().retentionDays(7).build(), RedshiftDialect.INSTANCE);
        for (LoadStep step : design.loadSteps()) {
            String sql = step instanceof LoadStep.Run run
                    ? run.sql()
                    : step instanceof LoadStep.Count count
                            ? count.sql()
                            : step instanceof LoadStep.Read read ? read.from() : "";
            LoadStep.bind(sql, name -> "?");
        }
    }
}
