package io.github.kinlog.docscheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.docscheck.MarkdownCommands.Command;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documentation's commands as a newcomer runs them: in a copy of the repository with no build output, in the
 * order written, from the repository's root, servers left running for the commands after them.
 */
class DocumentedCommandsIT {
    @Test
    void everyCommandWorksAsWrittenInTheOrderWritten() throws Exception {
        Path root = Path.of(System.getProperty("kinlog.docs.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path target =
                Path.of(System.getProperty("kinlog.docs.target", "target")).resolve("docs-check");
        List<Command> commands = DocumentedCommandsTest.all();
        Path copy = WorkingCopy.create(root, target.resolve("kinlog"));

        try (CommandRunner runner = new CommandRunner(copy, target.resolve("logs"))) {
            for (Command command : commands) {
                Way way = DocumentedCommands.wayOf(command.text());
                assertThat(way).as("%s is not in DocumentedCommands", command).isNotNull();
                if (runner.hasRun(command.text())) {
                    continue;
                }
                long start = System.nanoTime();
                if (way instanceof Way.Skip skip) {
                    System.out.println("docs-check: skipped " + command.document() + ":" + command.line() + " ("
                            + skip.reason() + ")");
                    continue;
                }
                if (way instanceof Way.Run run) {
                    assertThat(runner.run(command.text(), run.within()))
                            .as("the output of %s", command)
                            .contains(run.expect());
                } else if (way instanceof Way.Start server) {
                    runner.startServer(command.text(), server.readyWhen(), server.ports());
                }
                System.out.printf(
                        "docs-check: %s:%d took %d s%n",
                        command.document(), command.line(), (System.nanoTime() - start) / 1_000_000_000);
            }
        }
    }
}
