package io.github.kinlog.samples.warehouse;

import io.github.kinlog.redshift.LoadStep;
import io.github.kinlog.redshift.WarehouseDesign;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the load Redshift runs as a stored procedure, the same steps from {@link WarehouseDesign#loadSteps()}, through
 * JDBC in one transaction: each {@code :variable} becomes a typed parameter, and the clock is read in Java.
 */
public final class Loader {
    /** Told after each step, for tests that stop a load part-way. */
    public interface StepListener {
        void afterStep(int index, LoadStep step) throws SQLException;
    }

    /** What one load did: the variables the steps set. */
    public record Outcome(Map<String, Object> values) {
        public long count(String variable) {
            Object value = values.get(variable);
            return value == null ? 0 : ((Number) value).longValue();
        }

        /** Kinesis records taken from the landing table. */
        public long records() {
            return count("records");
        }

        /** Events found in them, every copy. */
        public long events() {
            return count("events");
        }

        /** Records in which no Kinlog event was found. */
        public long skipped() {
            return count("skipped");
        }

        /** Events inserted into the table. */
        public long loaded() {
            return count("loaded");
        }

        /** Events found but not loaded: copies within the batch, or of events an earlier load took. */
        public long duplicates() {
            return events() - loaded();
        }

        public long expired() {
            return count("expired");
        }
    }

    private final Connection db;
    private final List<LoadStep> steps;
    private final Clock clock;

    public Loader(Connection db, WarehouseDesign design, Clock clock) {
        this.db = db;
        this.steps = design.loadSteps();
        this.clock = clock;
    }

    /** Runs one load; on failure, rolls back and rethrows, having changed nothing. */
    public Outcome load() throws SQLException {
        return load((index, step) -> {});
    }

    public Outcome load(StepListener listener) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        Map<String, Object> values = new HashMap<>();
        try {
            for (int i = 0; i < steps.size(); i++) {
                run(steps.get(i), values);
                listener.afterStep(i, steps.get(i));
            }
            db.commit();
            return new Outcome(values);
        } catch (SQLException | RuntimeException e) {
            if (!db.isClosed()) {
                db.rollback();
            }
            throw e;
        } finally {
            if (!db.isClosed()) {
                db.setAutoCommit(autoCommit);
            }
        }
    }

    /** The steps, in order, for tests that stop a load after each. */
    List<LoadStep> steps() {
        return steps;
    }

    private void run(LoadStep step, Map<String, Object> values) throws SQLException {
        if (step instanceof LoadStep.Clock c) {
            values.put(c.variable(), LocalDateTime.now(clock));
        } else if (step instanceof LoadStep.Run r) {
            try (PreparedStatement statement = prepare(r.sql(), values)) {
                statement.execute();
            }
        } else if (step instanceof LoadStep.Count c) {
            try (PreparedStatement statement = prepare(c.sql(), values)) {
                values.put(c.variable(), (long) statement.executeUpdate());
            }
        } else if (step instanceof LoadStep.Read r) {
            try (PreparedStatement statement = prepare("SELECT " + r.expression() + "\n" + r.from(), values);
                    ResultSet row = statement.executeQuery()) {
                row.next();
                Object value = row.getObject(1);
                values.put(r.variable(), value instanceof Number n ? (Object) n.longValue() : timestamp(row, value));
            }
        }
    }

    private static Object timestamp(ResultSet row, Object value) throws SQLException {
        return value == null ? null : row.getObject(1, LocalDateTime.class);
    }

    /** The statement with a typed parameter for each variable it names, bound to the variable's value. */
    private PreparedStatement prepare(String sql, Map<String, Object> values) throws SQLException {
        List<String> names = new ArrayList<>();
        String bound = LoadStep.bind(sql, name -> {
            names.add(name);
            return "CAST(? AS " + WarehouseDesign.variables().get(name).sql() + ")";
        });
        PreparedStatement statement = db.prepareStatement(bound);
        for (int i = 0; i < names.size(); i++) {
            statement.setObject(i + 1, values.get(names.get(i)));
        }
        return statement;
    }
}
