package dev.parley.chat.jpa;

import dev.parley.chat.Chat;
import dev.parley.chat.jpa.entity.ChatEntity;
import dev.parley.chat.store.AnalyticsQueries;
import dev.parley.chat.store.WindowTotals;
import dev.parley.chat.store.WindowTotals.DepartmentCount;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's aggregates. Counts and sums come from {@code <prefix>chat_rollup} (one row per quarter hour and
 * department, kept exact by {@link ChatRollups}), so their cost depends on the window's length, not on how many
 * chats there are; a window bound that is not on a quarter hour is served for its partial quarter hour by SQL over the
 * chat table, as are the days of a zone whose offsets are not whole quarter hours. The best-rated chats come from
 * the chat table through its (rating, created_at, id) index. No chat is loaded to compute a sum.
 */
final class JpaAnalytics implements AnalyticsQueries {

    private static final String WINDOW = " from ParleyChat c where c.createdAt >= :from and c.createdAt < :to";

    private final JpaTransactions tx;
    private final Tables tables;
    private final ChatRollups rollups;

    JpaAnalytics(JpaTransactions tx, Tables tables, ChatRollups rollups) {
        this.tx = tx;
        this.tables = tables;
        this.rollups = rollups;
    }

    /**
     * Sums of the rollup rows of the whole quarter hours inside the window, plus SQL over the chat table for the
     * parts of a quarter hour at either end (none when the bounds are local midnights of a real zone).
     */
    @Override
    public WindowTotals totals(Instant from, Instant to) {
        long lo = ceilToBucket(from);
        long hi = ChatRollups.bucketOf(to.getEpochSecond());
        return tx.call(t -> {
            rollups.flush(t);
            t.em.flush();
            Map<String, long[]> sums = new HashMap<>();
            if (lo < hi) {
                add(sums, t.em.createNativeQuery("SELECT department, " + rollupSums() + " FROM " + tables.rollup
                        + " WHERE bucket_start >= ?1 AND bucket_start < ?2 GROUP BY department")
                        .setParameter(1, lo).setParameter(2, hi).getResultList());
                if (from.isBefore(Instant.ofEpochSecond(lo))) {
                    addRaw(t, sums, from, Instant.ofEpochSecond(lo));
                }
                if (Instant.ofEpochSecond(hi).isBefore(to)) {
                    addRaw(t, sums, Instant.ofEpochSecond(hi), to);
                }
            } else if (from.isBefore(to)) {
                addRaw(t, sums, from, to);
            }
            return totalsOf(sums);
        });
    }

    private static long ceilToBucket(Instant i) {
        long floor = ChatRollups.bucketOf(i.getEpochSecond());
        return floor == i.getEpochSecond() && i.getNano() == 0 ? floor : floor + ChatRollups.BUCKET;
    }

    private static String rollupSums() {
        StringBuilder sql = new StringBuilder();
        for (String col : ChatRollups.COLUMNS) {
            sql.append(sql.length() == 0 ? "" : ", ").append("SUM(").append(col).append(')');
        }
        return sql.toString();
    }

    private void addRaw(Tx t, Map<String, long[]> sums, Instant from, Instant to) {
        add(sums, t.em.createNativeQuery("SELECT department, " + ChatRollups.RAW_SUMS + " FROM " + tables.chat
                        + " WHERE created_at >= ?1 AND created_at < ?2 GROUP BY department")
                .setParameter(1, from).setParameter(2, to).getResultList());
    }

    private static void add(Map<String, long[]> sums, List<?> rows) {
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            long[] into = sums.computeIfAbsent((String) cells[0], d -> new long[ChatRollups.COLUMNS.size()]);
            for (int i = 0; i < into.length; i++) {
                into[i] += number(cells[i + 1]);
            }
        }
    }

    private static WindowTotals totalsOf(Map<String, long[]> byDepartment) {
        long[] all = new long[ChatRollups.COLUMNS.size()];
        Map<String, DepartmentCount> departments = new HashMap<>();
        byDepartment.forEach((department, v) -> {
            for (int i = 0; i < all.length; i++) {
                all[i] += v[i];
            }
            if (v[0] > 0) {
                departments.put(department, new DepartmentCount(v[0], v[2]));
            }
        });
        Map<Integer, Long> ratings = new HashMap<>();
        for (int rating = 1; rating <= 5; rating++) {
            if (all[4 + rating] > 0) {
                ratings.put(rating, all[4 + rating]);
            }
        }
        return new WindowTotals(all[0], all[1], all[2], all[3], all[4], all[10], all[11], all[12], all[13], all[14],
                ratings, departments);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * Chats per local date. The zone's offsets over the window come from {@code java.time} (so the days agree
     * exactly with the core and the in-memory store, whatever time-zone data the database has). When the bounds,
     * the offsets and the instants they change at are all whole quarter hours (every real zone today), each rollup
     * row lies inside one local date: the database adds the offset in force at the row's quarter hour and divides by
     * a day. Otherwise it does the same for each chat of the chat table.
     */
    @Override
    public Map<LocalDate, Long> dailyVolume(Instant from, Instant to, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<Instant> changes = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        offsets.add(rules.getOffset(from).getTotalSeconds());
        for (ZoneOffsetTransition next = rules.nextTransition(from);
                next != null && next.getInstant().isBefore(to);
                next = rules.nextTransition(next.getInstant())) {
            changes.add(next.getInstant());
            offsets.add(next.getOffsetAfter().getTotalSeconds());
        }
        boolean whole = aligned(from) && aligned(to) && changes.stream().allMatch(JpaAnalytics::aligned)
                && offsets.stream().allMatch(o -> o % ChatRollups.BUCKET == 0);
        String column = whole ? "bucket_start" : "CAST(FLOOR(EXTRACT(EPOCH FROM created_at)) AS BIGINT)";
        String compared = whole ? "bucket_start" : "created_at";
        String counted = whole ? "total" : "1";
        StringBuilder offset = new StringBuilder();
        if (changes.isEmpty()) {
            offset.append(offsets.get(0));
        } else {
            offset.append("CASE");
            for (int i = 0; i < changes.size(); i++) {
                offset.append(" WHEN ").append(compared).append(" < ?").append(i + 3).append(" THEN ")
                        .append(offsets.get(i));
            }
            offset.append(" ELSE ").append(offsets.get(changes.size())).append(" END");
        }
        String sql = "SELECT epoch_day, SUM(n) FROM (SELECT (" + column + " + " + offset + ") / 86400 AS epoch_day, "
                + counted + " AS n FROM " + (whole ? tables.rollup : tables.chat)
                + " WHERE " + compared + " >= ?1 AND " + compared + " < ?2) d GROUP BY epoch_day HAVING SUM(n) > 0";
        return tx.call(t -> {
            rollups.flush(t);
            t.em.flush();
            Query q = t.em.createNativeQuery(sql);
            bind(q, 1, from, whole);
            bind(q, 2, to, whole);
            for (int i = 0; i < changes.size(); i++) {
                bind(q, i + 3, changes.get(i), whole);
            }
            Map<LocalDate, Long> days = new HashMap<>();
            for (Object row : q.getResultList()) {
                Object[] cells = (Object[]) row;
                days.put(LocalDate.ofEpochDay(number(cells[0])), number(cells[1]));
            }
            return days;
        });
    }

    private static boolean aligned(Instant i) {
        return i.getNano() == 0 && i.getEpochSecond() % ChatRollups.BUCKET == 0;
    }

    private static void bind(Query q, int position, Instant value, boolean asEpochSecond) {
        if (asEpochSecond) {
            q.setParameter(position, value.getEpochSecond());
        } else {
            q.setParameter(position, value);
        }
    }

    @Override
    public List<Chat> topRated(Instant from, Instant to, int limit) {
        return tx.call(t -> t.em.createQuery("select c" + WINDOW + " and c.rating is not null"
                        + " order by c.rating desc, c.createdAt desc, c.id desc", ChatEntity.class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(limit).getResultList().stream()
                .map(ChatEntity::toRecord).toList());
    }
}
