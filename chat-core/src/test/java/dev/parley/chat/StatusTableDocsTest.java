package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.ChatStatus.Cause;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The status table of docs/concepts.md is the one in the code: {@link ChatStatus#causes} and its successors. */
class StatusTableDocsTest {

    private static final Path CONCEPTS = Path.of("../docs/concepts.md");
    private static final Map<String, Cause> CAUSES = Map.of(
            "visitor writes", Cause.VISITOR_WRITES,
            "admin writes", Cause.ADMIN_WRITES,
            "admin sets", Cause.ADMIN_SETS);

    /** The table's rows, each a status and its cells in the order of the header's statuses. */
    private static Map<ChatStatus, Map<ChatStatus, String>> table() throws IOException {
        List<String> lines = Files.readAllLines(CONCEPTS);
        int start = lines.indexOf("## The lifecycle");
        assertThat(start).as("the lifecycle section").isNotNegative();
        List<String> rows = new ArrayList<>();
        for (int i = start; i < lines.size() && !(i > start && lines.get(i).startsWith("## ")); i++) {
            if (lines.get(i).startsWith("|")) {
                rows.add(lines.get(i));
            }
        }
        assertThat(rows).as("one table of a header, a rule and a row per status")
                .hasSize(2 + ChatStatus.values().length);
        List<ChatStatus> columns = cells(rows.get(0)).stream().skip(1).map(ChatStatus::valueOf).toList();
        assertThat(columns).containsExactly(ChatStatus.values());
        Map<ChatStatus, Map<ChatStatus, String>> table = new EnumMap<>(ChatStatus.class);
        for (String row : rows.subList(2, rows.size())) {
            List<String> cells = cells(row);
            Map<ChatStatus, String> byTarget = new EnumMap<>(ChatStatus.class);
            for (int c = 0; c < columns.size(); c++) {
                byTarget.put(columns.get(c), cells.get(c + 1));
            }
            table.put(ChatStatus.valueOf(cells.get(0)), byTarget);
        }
        assertThat(table.keySet()).containsExactly(ChatStatus.values());
        return table;
    }

    private static List<String> cells(String row) {
        String inner = row.strip().substring(1, row.strip().length() - 1);
        return Arrays.stream(inner.split("\\|")).map(String::strip).toList();
    }

    private static Set<Cause> causes(String cell) {
        Set<Cause> causes = EnumSet.noneOf(Cause.class);
        if (cell.equals("—") || cell.equals("·")) {
            return causes;
        }
        for (String name : cell.split(",")) {
            Cause cause = CAUSES.get(name.strip());
            assertThat(cause).as("'%s' names a cause", name.strip()).isNotNull();
            causes.add(cause);
        }
        return causes;
    }

    @Test
    void everyCellNamesExactlyTheCausesOfThatMove() throws IOException {
        Map<ChatStatus, Map<ChatStatus, String>> table = table();
        for (ChatStatus from : ChatStatus.values()) {
            for (ChatStatus to : ChatStatus.values()) {
                String cell = table.get(from).get(to);
                if (from == to) {
                    assertThat(cell).as("%s -> %s is staying put", from, to).isEqualTo("·");
                }
                assertThat(causes(cell)).as("%s -> %s ('%s')", from, to, cell).isEqualTo(from.causes(to));
            }
        }
    }

    @Test
    void theTableAllowsExactlyTheSuccessorsOfEveryStatus() throws IOException {
        Map<ChatStatus, Map<ChatStatus, String>> table = table();
        for (ChatStatus from : ChatStatus.values()) {
            Set<ChatStatus> documented = EnumSet.noneOf(ChatStatus.class);
            table.get(from).forEach((to, cell) -> {
                if (!causes(cell).isEmpty()) {
                    documented.add(to);
                }
            });
            assertThat(documented).as("successors of %s", from).isEqualTo(from.successors());
        }
    }
}
