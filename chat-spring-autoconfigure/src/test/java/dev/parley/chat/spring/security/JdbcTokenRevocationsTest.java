package dev.parley.chat.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.jpa.schema.SchemaMigrator;
import dev.parley.chat.spring.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Revocations in the database (H2 with Parley's migrations): what one node revokes, another refuses; a ticket is
 * taken once however many nodes try; expired rows are deleted.
 */
class JdbcTokenRevocationsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private JdbcDataSource db;

    @BeforeEach
    void database() {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:revocations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new SchemaMigrator(db, "parley_").migrate();
    }

    @Test
    void whatOneNodeRevokesEveryNodeRefusesAndATicketIsTakenOnce() {
        TokenRevocations nodeA = new JdbcTokenRevocations(db, "parley_", clock);
        TokenRevocations nodeB = new JdbcTokenRevocations(db, "parley_", clock);

        assertThat(nodeB.isRevoked("jti-1")).isFalse();
        assertThat(nodeA.revoke("jti-1", T0.plusSeconds(60))).isTrue();

        assertThat(nodeB.isRevoked("jti-1")).isTrue();
        assertThat(nodeB.revoke("jti-1", T0.plusSeconds(60))).as("a second use, on another node").isFalse();
    }

    @Test
    void expiredRowsAreDeletedAsNewOnesArrive() throws Exception {
        TokenRevocations revocations = new JdbcTokenRevocations(db, "parley_", clock);
        revocations.revoke("old", T0.plusSeconds(30));

        clock.advance(Duration.ofMinutes(1));
        revocations.revoke("new", T0.plusSeconds(600));

        assertThat(revocations.isRevoked("old")).isFalse();
        assertThat(revocations.isRevoked("new")).isTrue();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM parley_revoked_token")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
