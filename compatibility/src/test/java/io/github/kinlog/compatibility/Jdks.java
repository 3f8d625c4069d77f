package io.github.kinlog.compatibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Java homes the contract programs run on: the chosen one (the build's, or {@code -Dkinlog.compat.java}) and the
 * newest JDK installed beside it, such as {@code /usr/lib/jvm/temurin-25-jdk-amd64} beside the default JDK 17, so that
 * one {@code mvn verify} runs the suite on both.
 */
final class Jdks {
    private Jdks() {}

    /** The chosen Java home first, then the newest beside it if that is a newer feature release. */
    static List<Path> toTest() {
        Path chosen = ContractRun.javaHome();
        List<Path> homes = new ArrayList<>();
        homes.add(chosen);
        beside(chosen).stream()
                .max(Comparator.comparingInt(Jdks::feature))
                .filter(newest -> feature(newest) > feature(chosen))
                .ifPresent(homes::add);
        return homes;
    }

    /** The chosen Java home if it has virtual threads, else one installed beside it that has (21 or newer). */
    static Optional<Path> withVirtualThreads() {
        Path chosen = ContractRun.javaHome();
        if (feature(chosen) >= 21) {
            return Optional.of(chosen);
        }
        return beside(chosen).stream().filter(home -> feature(home) >= 21).findFirst();
    }

    /** A Java home's feature release (8, 17, 25), from its release file; 0 when unknown. */
    static int feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException unreadable) {
            return 0;
        }
        String version = properties.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
        try {
            // 1.8.0_402 is Java 8; 17.0.2 is Java 17.
            return Integer.parseInt(version.replaceFirst("^1\\.", "").split("[._+-]")[0]);
        } catch (NumberFormatException unknown) {
            return 0;
        }
    }

    /** Other Java homes in the chosen one's directory, each once (the directory often holds aliases). */
    private static List<Path> beside(Path chosen) {
        Path parent = chosen.toAbsolutePath().getParent();
        if (parent == null) {
            return new ArrayList<>();
        }
        try (Stream<Path> homes = Files.list(parent)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
                    .map(Jdks::real)
                    .filter(home -> !home.equals(real(chosen)))
                    .distinct()
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path real(Path home) {
        try {
            return home.toRealPath();
        } catch (IOException e) {
            return home.toAbsolutePath();
        }
    }
}
