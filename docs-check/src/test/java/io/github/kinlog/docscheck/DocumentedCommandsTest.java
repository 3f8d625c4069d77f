package io.github.kinlog.docscheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.docscheck.MarkdownCommands.Command;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Quick, and runs without -DskipITs too: every command written is classified, and nothing else is. */
class DocumentedCommandsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static List<Command> all() throws IOException {
        List<Command> commands = new ArrayList<>();
        for (Path document : DocumentedCommands.documents(ROOT)) {
            commands.addAll(
                    MarkdownCommands.of(document, ROOT.relativize(document).toString()));
        }
        return commands;
    }

    @Test
    void everyDocumentedCommandIsClassified() throws IOException {
        assertThat(all())
                .as("commands DocumentedCommands does not know: add each, to be run, started or skipped with a reason")
                .allSatisfy(command -> assertThat(DocumentedCommands.wayOf(command.text()))
                        .as("%s", command)
                        .isNotNull());
    }

    @Test
    void everyClassifiedCommandIsStillDocumented() throws IOException {
        Set<String> written = new LinkedHashSet<>();
        all().forEach(command -> written.add(command.text()));
        assertThat(DocumentedCommands.KNOWN.keySet())
                .as("commands no document gives any more: remove them from DocumentedCommands")
                .allSatisfy(known -> assertThat(written).contains(known));
    }

    @Test
    void shellBlocksAndCommandColumnsAreCommandsAndNothingElseIs() {
        List<String> markdown = List.of(
                "Some `inline code` in prose.",
                "",
                "```sh",
                "mvn install \\",
                "  -DskipTests",
                "```",
                "",
                "```xml",
                "<dependency/>",
                "```",
                "",
                "- In a list:",
                "  ```bash",
                "  cd samples && ls",
                "  ```",
                "",
                "| Task | Command |",
                "| --- | --- |",
                "| Both | `first` and `second` |",
                "| A pipe | `a \\| b` |",
                "",
                "| Option | Default |",
                "| --- | --- |",
                "| `--stream` | `app-logs` |");

        assertThat(MarkdownCommands.parse(markdown, "doc.md"))
                .containsExactly(
                        new Command("doc.md", 3, "mvn install \\\n  -DskipTests"),
                        new Command("doc.md", 13, "cd samples && ls"),
                        new Command("doc.md", 19, "first"),
                        new Command("doc.md", 19, "second"),
                        new Command("doc.md", 20, "a | b"));
    }
}
