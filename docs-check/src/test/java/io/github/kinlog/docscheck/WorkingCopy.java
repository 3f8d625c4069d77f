package io.github.kinlog.docscheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The repository as a fresh clone has it, in a directory of its own. In a git checkout that is every file git knows
 * or would add (new files come along, so the check sees the work in hand; ignored ones, build output among them, do
 * not); elsewhere every file but build output and installed packages.
 */
final class WorkingCopy {
    private static final Set<String> LEFT_OUT = Set.of(".git", "target", "node_modules");

    private WorkingCopy() {}

    static Path create(Path root, Path into) throws IOException, InterruptedException {
        delete(into);
        Files.createDirectories(into);
        for (Path file : files(root)) {
            Path copy = into.resolve(file.toString());
            Files.createDirectories(copy.getParent());
            Files.copy(root.resolve(file), copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        return into;
    }

    /** The files to copy, relative to the root. */
    private static List<Path> files(Path root) throws IOException, InterruptedException {
        if (Files.isDirectory(root.resolve(".git"))) {
            Process git = new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard", "-z")
                    .directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() == 0) {
                List<Path> files = new ArrayList<>();
                for (String name : listing.split("\0")) {
                    // A file deleted but not yet committed is still listed.
                    if (!name.isEmpty() && Files.isRegularFile(root.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                        files.add(Path.of(name));
                    }
                }
                return files;
            }
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                return !directory.equals(root)
                                && LEFT_OUT.contains(directory.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                files.add(root.relativize(file));
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
