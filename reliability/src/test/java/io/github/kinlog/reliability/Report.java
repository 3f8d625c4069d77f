package io.github.kinlog.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Appends each case's figures to {@code target/reliability/figures.md}, the source of docs/reliability.md's tables.
 * The tests assert; this only records what they measured.
 */
final class Report {
    private static final Path FILE =
            Path.of(System.getProperty("kinlog.reliability.report", "target/reliability"), "figures.md");

    private Report() {}

    /** One delivery case: what was logged, delivered, dropped and duplicated, and the slowest logging call. */
    static void delivery(String testCase, String app, Reconciliation.Outcome outcome, double worstCallMillis) {
        line(String.format(
                Locale.ROOT,
                "| %s | %s | %d | %d | %d | %s | %d | %.1f ms |",
                testCase,
                app,
                outcome.logged(),
                outcome.metrics().accepted(),
                outcome.delivered(),
                outcome.droppedByReason(),
                outcome.duplicates(),
                worstCallMillis));
    }

    /** Any other figure, as a sentence. */
    static void note(String testCase, String text) {
        line("- " + testCase + ": " + text);
    }

    private static synchronized void line(String text) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(
                    FILE, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[reliability] " + text);
    }
}
