package io.github.kinlog.docscheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands a Markdown file tells its reader to run, in the order written: every fenced block marked {@code sh},
 * {@code bash} or {@code shell} (one command, however many lines), and every code span in a table column headed
 * "Command" or "Run it".
 */
final class MarkdownCommands {
    private static final Set<String> SHELL_BLOCKS = Set.of("sh", "bash", "shell");
    private static final Set<String> COMMAND_COLUMNS = Set.of("command", "run it");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*(\\S*)\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{3,}.*");

    /** A command as written, and where. */
    record Command(String document, int line, String text) {
        @Override
        public String toString() {
            return document + ":" + line + ": " + text;
        }
    }

    private MarkdownCommands() {}

    static List<Command> of(Path file, String document) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), document);
    }

    static List<Command> parse(List<String> lines, String document) {
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (fence.matches()) {
                int start = i;
                String indent = fence.group(1);
                List<String> body = new ArrayList<>();
                for (i++; i < lines.size() && !FENCE.matcher(lines.get(i)).matches(); i++) {
                    String line = lines.get(i);
                    body.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
                }
                if (SHELL_BLOCKS.contains(fence.group(2))) {
                    commands.add(new Command(
                            document, start + 1, String.join("\n", body).strip()));
                }
                continue;
            }
            if (i + 1 < lines.size()
                    && isRow(lines.get(i))
                    && TABLE_SEPARATOR.matcher(lines.get(i + 1)).matches()) {
                List<String> header = cells(lines.get(i));
                int column = -1;
                for (int c = 0; c < header.size(); c++) {
                    if (COMMAND_COLUMNS.contains(header.get(c).toLowerCase(java.util.Locale.ROOT))) {
                        column = c;
                    }
                }
                for (i += 2; i < lines.size() && isRow(lines.get(i)); i++) {
                    List<String> row = cells(lines.get(i));
                    if (column >= 0 && column < row.size()) {
                        Matcher span = CODE_SPAN.matcher(row.get(column));
                        while (span.find()) {
                            commands.add(
                                    new Command(document, i + 1, span.group(1).replace("\\|", "|")));
                        }
                    }
                }
                i--;
            }
        }
        return commands;
    }

    private static boolean isRow(String line) {
        return line.strip().startsWith("|");
    }

    /** The cells of a table row; a {@code \|} inside a cell is not a border. */
    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") && !inner.endsWith("\\|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '|' && (i == 0 || inner.charAt(i - 1) != '\\')) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
