package dev.parley.chat.jpa;

import dev.parley.chat.Chat;
import dev.parley.chat.store.ChatContribution;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Keeps {@code <prefix>chat_rollup} exact. It holds the sums over chats that the report needs at two granularities:
 * one row per (quarter hour of {@code created_at}, department), which serves a report in any zone, and rows per
 * (local date of {@code created_at} in the report zone, department, stripe), which serve the report in that zone
 * with a number of rows that does not grow with the chats. A day's chats are spread over {@link #STRIPES} rows by
 * chat id, so that messages in today's chats do not all queue on one row lock.
 *
 * <p>Every chat insert, update and department move adds the difference of the chats' contributions before and after
 * to its transaction, for both granularities; just before the transaction commits (after the entity changes are
 * flushed, or before a rollup read inside it) the differences are applied in one batched upsert, in key order (so
 * two transactions never wait for each other's rollup rows in a cycle), and the rows stay locked only for that
 * statement and the commit.
 *
 * <p>{@link RollupRebuilds} builds the rows from the chat table: the daily rows at start-up when they were cut in
 * another zone, all of them on demand.
 */
final class ChatRollups {

    /** Bucket length in seconds: every real UTC offset is a multiple of it, so a bucket lies inside one local date. */
    static final long BUCKET = 900;

    /** The granularity of the rows per quarter hour ({@code bucket_start}: the epoch second it starts). */
    static final int QUARTER_HOUR = 0;

    /** The granularity of the rows per local date of the report zone ({@code bucket_start}: its epoch day). */
    static final int DAY = 1;

    /** How many rows share the chats of one local date and department ({@code stripe}: chat id modulo this). */
    static final int STRIPES = 8;

    /** The key columns, in key order. */
    static final String KEY_COLUMNS = "granularity, bucket_start, department, stripe";

    private final ZoneId zone;
    private final RollupUpserts upserts;
    private volatile boolean daysReady;

    ChatRollups(Tables tables, ZoneId zone) {
        this.zone = zone;
        this.upserts = new RollupUpserts(tables);
    }

    /** The zone of the daily rows. */
    ZoneId zone() {
        return zone;
    }

    /**
     * Whether the daily rows were checked at start-up to be cut in {@link #zone()} (see {@link RollupRebuilds});
     * false only when the schema lacked them then, and reports read the quarter hours.
     */
    boolean daysReady() {
        return daysReady;
    }

    void daysReady(boolean value) {
        daysReady = value;
    }

    /** A rollup row's key, ordered as the primary key. */
    record Key(int granularity, long bucket, String department, int stripe) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(granularity, o.granularity);
            if (c == 0) {
                c = Long.compare(bucket, o.bucket);
            }
            if (c == 0) {
                c = department.compareTo(o.department);
            }
            return c != 0 ? c : Integer.compare(stripe, o.stripe);
        }
    }

    /** The start (epoch second) of the quarter hour holding this epoch second. */
    static long bucketOf(long epochSecond) {
        return Math.floorDiv(epochSecond, BUCKET) * BUCKET;
    }

    /** The rows a chat counts in: its quarter hour's and its local date's (in the report zone). */
    List<Key> keysOf(long chatId, Instant createdAt, String department) {
        return List.of(new Key(QUARTER_HOUR, bucketOf(createdAt.getEpochSecond()), department, 0),
                new Key(DAY, LocalDate.ofInstant(createdAt, zone).toEpochDay(), department,
                        (int) Math.floorMod(chatId, (long) STRIPES)));
    }

    /** Records a chat changing from {@code before} (null: new) to {@code after}. */
    void change(Tx t, @Nullable Chat before, Chat after) {
        change(t.pendingRollup(), before, after);
    }

    /**
     * Adds to {@code pending} the differences of a chat changing from {@code before} (null: new) to {@code after}:
     * its contribution before taken from its rows then, its contribution after added to its rows now (the same rows
     * unless it moved, so they get {@code after − before}, zero when its sums did not change).
     */
    void change(Map<Key, ChatContribution> pending, @Nullable Chat before, Chat after) {
        if (before != null) {
            add(pending, before.id(), before.createdAt(), before.department(),
                    ChatContribution.of(before).negated());
        }
        add(pending, after.id(), after.createdAt(), after.department(), ChatContribution.of(after));
    }

    /** Records a chat's contribution moving from one department's rows to another's (a department move). */
    void move(Tx t, long chatId, Instant createdAt, String from, String to, ChatContribution contribution) {
        add(t.pendingRollup(), chatId, createdAt, from, contribution.negated());
        add(t.pendingRollup(), chatId, createdAt, to, contribution);
    }

    private void add(Map<Key, ChatContribution> pending, long chatId, Instant createdAt, String department,
            ChatContribution delta) {
        for (Key key : keysOf(chatId, createdAt, department)) {
            pending.merge(key, delta, ChatContribution::plus);
        }
    }

    /**
     * Runs just before a transaction commits: writes the entity changes first, then the rollup differences, so the
     * rollup rows are locked for one statement and the commit only.
     */
    void beforeCommit(Tx t) {
        if (!t.pendingRollup().isEmpty()) {
            t.em.flush();
            flush(t);
        }
    }

    /**
     * Applies the transaction's pending differences to the rollup rows (both granularities in one batched
     * statement on PostgreSQL, in key order) and forgets them.
     */
    void flush(Tx t) {
        Map<Key, ChatContribution> pending = t.pendingRollup();
        List<Map.Entry<Key, ChatContribution>> changes = new ArrayList<>();
        for (Map.Entry<Key, ChatContribution> e : pending.entrySet()) {
            if (!e.getValue().isZero()) {
                changes.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        pending.clear();
        if (!changes.isEmpty()) {
            t.em.unwrap(Session.class).doWork(c -> upserts.apply(c, changes));
        }
    }
}
