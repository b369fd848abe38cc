package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.ChatStatus;
import dev.parley.chat.store.ChatContribution;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapping of the core's sums to rollup columns covers every component once, and reads back what it writes. */
class RollupColumnTest {

    @Test
    void everySumHasItsOwnColumnAndReadsBackAsWritten() {
        ChatContribution distinct = new ChatContribution(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(RollupColumn.read(col -> col.of(distinct))).isEqualTo(distinct);
        Set<Long> values = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (RollupColumn col : RollupColumn.ALL) {
            values.add(col.of(distinct));
            names.add(col.column());
        }
        assertThat(values).hasSize(ChatContribution.class.getRecordComponents().length);
        assertThat(names).hasSize(RollupColumn.ALL.size());
    }

    @Test
    void theStatusConditionsOfTheChatTableSqlComeFromTheCore() {
        for (ChatStatus status : ChatStatus.values()) {
            String quoted = "'" + status.name() + "'";
            assertThat(RollupColumn.CHAT_SUMS.split(quoted, -1)).as(status.name()).hasSize(2);
        }
        assertThat(RollupColumn.CHAT_SUMS).contains("CASE WHEN status IN ('ACTIVE', 'WAITING') THEN 1 ELSE 0 END")
                .contains("CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN 1 ELSE 0 END")
                .contains("CASE WHEN rating IN (4) THEN 1 ELSE 0 END");
    }
}
