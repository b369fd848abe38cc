package dev.parley.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The statement kinds the round-trip counts are reported in. */
class StatementCounterTest {

    @Test
    void namesTheVerbAndTheTableOfAStatement() {
        assertThat(StatementCounter.kindOf("insert into parley_message (id, chat_id) values (?, ?)"))
                .isEqualTo("INSERT parley_message");
        assertThat(StatementCounter.kindOf("update parley_chat set status=? where id=?"))
                .isEqualTo("UPDATE parley_chat");
        assertThat(StatementCounter.kindOf("select c1_0.id from parley_chat c1_0 where c1_0.id=? for no key update"))
                .isEqualTo("SELECT … FOR UPDATE parley_chat");
        assertThat(StatementCounter.kindOf("select nextval('parley_message_seq')"))
                .isEqualTo("SELECT next sequence value");
    }

    @Test
    void reportsCountsPerOperation() throws Exception {
        try (Databases databases = new Databases(true);
                Database db = databases.fresh(Database.Kind.H2, "counter", 1)) {
            StatementCounter counter = new StatementCounter(db.dataSource());
            db.execute("CREATE TABLE t (id int)");
            for (int i = 0; i < 2; i++) {
                try (var c = counter.getConnection(); var ps = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                    c.setAutoCommit(false);
                    ps.setInt(1, i);
                    ps.executeUpdate();
                    c.commit();
                    c.setAutoCommit(true);
                }
            }

            assertThat(counter.perOperation(2)).isEqualTo("1 × COMMIT, 1 × INSERT t");
            assertThat(counter.statementsPerOperation(2)).isEqualTo(1.0);
        }
    }
}
