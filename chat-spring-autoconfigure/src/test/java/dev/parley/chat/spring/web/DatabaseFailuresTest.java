package dev.parley.chat.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void aPoolTimeoutALostConnectionAndAServerShuttingDownAreUnreachable() {
        assertThat(DatabaseFailures.unreachable(new ParleyException(ErrorCode.STORAGE_UNAVAILABLE, "x",
                new RuntimeException(new SQLTransientConnectionException("Connection is not available"))))).isTrue();
        assertThat(DatabaseFailures.unreachable(new RuntimeException(new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(DatabaseFailures.unreachable(new SQLException("terminating connection", "57P01"))).isTrue();
    }

    @Test
    void aLostConnectionSeenOnlyByTheFailedRollbackCounts() {
        AssertionError failure = new AssertionError("driver assertion");
        failure.addSuppressed(new IllegalStateException("rollback failed", new SQLException("closed", "08003")));

        assertThat(DatabaseFailures.unreachable(new RuntimeException("dispatch failed", failure))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseFailures.unreachable(new SQLException("duplicate", "23505"))).isFalse();
        assertThat(DatabaseFailures.unreachable(new SQLException("no state"))).isFalse();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("bug"))).isFalse();
    }
}
