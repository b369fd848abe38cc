package dev.parley.chat.spring.security;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * {@link TokenRevocations} in the table {@code <prefix>revoked_token} of Parley's schema (migration V011), so that
 * a token signed out on one node, or a stream ticket used on one node, is refused by every node. The primary key
 * makes a second use of a ticket fail however the nodes race; expired rows are deleted as new ones arrive.
 */
public final class JdbcTokenRevocations implements TokenRevocations {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Clock clock;
    private final String insert;
    private final String select;
    private final String purge;

    /**
     * @param dataSource  the database of the JPA store
     * @param tablePrefix the store's table prefix ({@code parley.jpa.table-prefix})
     * @param clock       the clock that decides which rows have expired
     */
    public JdbcTokenRevocations(DataSource dataSource, String tablePrefix, Clock clock) {
        if (!tablePrefix.matches("[a-z0-9_]{0,20}")) {
            throw new IllegalArgumentException("table prefix '" + tablePrefix + "' is not valid");
        }
        this.dataSource = dataSource;
        this.clock = clock;
        String table = tablePrefix + "revoked_token";
        this.insert = "INSERT INTO " + table + " (token_id, expires_at) VALUES (?, ?)";
        this.select = "SELECT 1 FROM " + table + " WHERE token_id = ?";
        this.purge = "DELETE FROM " + table + " WHERE expires_at < ?";
    }

    @Override
    public boolean revoke(String tokenId, Instant expiresAt) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement(purge)) {
                s.setTimestamp(1, Timestamp.from(clock.instant()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(insert)) {
                s.setString(1, tokenId);
                s.setTimestamp(2, Timestamp.from(expiresAt));
                s.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new ParleyException(ErrorCode.STORAGE_UNAVAILABLE,
                    "the database cannot be reached to revoke the token", e);
        }
    }

    @Override
    public boolean isRevoked(String tokenId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(select)) {
            s.setString(1, tokenId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new ParleyException(ErrorCode.STORAGE_UNAVAILABLE,
                    "the database cannot be reached to check the token", e);
        }
    }
}
