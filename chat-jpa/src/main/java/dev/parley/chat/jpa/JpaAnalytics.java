package dev.parley.chat.jpa;

import dev.parley.chat.Chat;
import dev.parley.chat.jpa.entity.ChatEntity;
import dev.parley.chat.store.AnalyticsQueries;
import dev.parley.chat.store.ChatContribution;
import dev.parley.chat.store.WindowTotals;
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
 * The report's aggregates. Counts and sums come from {@code <prefix>chat_rollup} (kept exact by
 * {@link ChatRollups}): the whole local days of the report zone inside a window from its daily rows, the rest from
 * its quarter-hour rows, and a window bound that is not on a quarter hour is served for its partial quarter hour by
 * SQL over the chat table. A report in the report zone (from a local midnight to a local midnight) reads only daily
 * rows, whose number does not depend on how many chats there are. The best-rated chats come from the chat table
 * through its (rating, created_at, id) index. No chat is loaded to compute a sum.
 */
final class JpaAnalytics implements AnalyticsQueries {

    private static final String WINDOW = " from ParleyChat c where c.createdAt >= :from and c.createdAt < :to";

    private final JpaTransactions tx;
    private final Tables tables;
    private final ChatRollups rollups;
    private final ZoneId zone;

    JpaAnalytics(JpaTransactions tx, Tables tables, ChatRollups rollups) {
        this.tx = tx;
        this.tables = tables;
        this.rollups = rollups;
        this.zone = rollups.zone();
    }

    /**
     * One statement: the sums per department of the daily rows of the report zone's whole days inside the window,
     * of the quarter-hour rows of the whole quarter hours left at either end, and of the chats in the parts of a
     * quarter hour left at either end (none when the bounds are local midnights of a real zone).
     */
    @Override
    public WindowTotals totals(Instant from, Instant to) {
        StringBuilder sql = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        if (from.isBefore(to)) {
            LocalDate firstDay = LocalDate.ofInstant(from, zone);
            if (startOf(firstDay).isBefore(from)) {
                firstDay = firstDay.plusDays(1);
            }
            LocalDate endDay = LocalDate.ofInstant(to, zone);
            if (firstDay.isBefore(endDay) && rollups.daysReady()) {
                part(sql, parameters, "SELECT department, " + rollupSums() + " FROM " + tables.rollup
                        + " WHERE granularity = " + ChatRollups.DAY + " AND bucket_start >= :lo AND bucket_start < :hi"
                        + " GROUP BY department", firstDay.toEpochDay(), endDay.toEpochDay());
                quarterHours(sql, parameters, from, startOf(firstDay));
                quarterHours(sql, parameters, startOf(endDay), to);
            } else {
                quarterHours(sql, parameters, from, to);
            }
        }
        return tx.call(t -> {
            Map<String, ChatContribution> sums = new HashMap<>();
            if (!parameters.isEmpty()) {
                rollups.flush(t);
                t.em.flush();
                Query q = t.em.createNativeQuery(sql.toString());
                for (int i = 0; i < parameters.size(); i++) {
                    q.setParameter(i + 1, parameters.get(i));
                }
                add(sums, q.getResultList());
            }
            return ChatContribution.totals(sums);
        });
    }

    /** The sums of [from, to) from the quarter-hour rows, and from the chat table for partial quarter hours. */
    private void quarterHours(StringBuilder sql, List<Object> parameters, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return;
        }
        long lo = ceilToBucket(from);
        long hi = ChatRollups.bucketOf(to.getEpochSecond());
        if (lo < hi) {
            part(sql, parameters, "SELECT department, " + rollupSums() + " FROM " + tables.rollup
                    + " WHERE granularity = " + ChatRollups.QUARTER_HOUR + " AND bucket_start >= :lo"
                    + " AND bucket_start < :hi GROUP BY department", lo, hi);
            raw(sql, parameters, from, Instant.ofEpochSecond(lo));
            raw(sql, parameters, Instant.ofEpochSecond(hi), to);
        } else {
            raw(sql, parameters, from, to);
        }
    }

    private void raw(StringBuilder sql, List<Object> parameters, Instant from, Instant to) {
        if (from.isBefore(to)) {
            part(sql, parameters, "SELECT department, " + RollupColumn.CHAT_SUMS + " FROM " + tables.chat
                    + " WHERE created_at >= :lo AND created_at < :hi GROUP BY department", from, to);
        }
    }

    /** Adds a part to the UNION ALL: a select whose bounds are {@code :lo} and {@code :hi}, numbered here. */
    private static void part(StringBuilder sql, List<Object> parameters, String select, Object lo, Object hi) {
        if (sql.length() > 0) {
            sql.append(" UNION ALL ");
        }
        parameters.add(lo);
        parameters.add(hi);
        sql.append(select.replace(":lo", "?" + (parameters.size() - 1)).replace(":hi", "?" + parameters.size()));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static long ceilToBucket(Instant i) {
        long floor = ChatRollups.bucketOf(i.getEpochSecond());
        return floor == i.getEpochSecond() && i.getNano() == 0 ? floor : floor + ChatRollups.BUCKET;
    }

    private static String rollupSums() {
        return String.join(", ", RollupColumn.ALL.stream().map(c -> "SUM(" + c.column() + ")").toList());
    }

    /** Adds rows of (department, the sums in {@link RollupColumn#ALL} order) to the sums per department. */
    private static void add(Map<String, ChatContribution> sums, List<?> rows) {
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            sums.merge((String) cells[0], RollupColumn.read(col -> number(cells[1 + col.ordinal()])),
                    ChatContribution::plus);
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * Chats per local date. The zone's offsets over the window come from {@code java.time} (so the days agree
     * exactly with the core and the in-memory store, whatever time-zone data the database has). When the bounds,
     * the offsets and the instants they change at are all whole quarter hours (every real zone today), each rollup
     * row lies inside one local date: the database adds the offset in force at the row's quarter hour and divides by
     * a day. Otherwise it does the same for each chat of the chat table. In the report zone, a window of whole days
     * reads the daily rows instead.
     */
    @Override
    public Map<LocalDate, Long> dailyVolume(Instant from, Instant to, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        if (rules.equals(this.zone.getRules()) && isStartOfDay(from) && isStartOfDay(to) && rollups.daysReady()) {
            return dailyVolumeFromDays(LocalDate.ofInstant(from, zone), LocalDate.ofInstant(to, zone));
        }
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
                + counted + " AS n FROM " + (whole ? tables.rollup : tables.chat) + " WHERE "
                + (whole ? "granularity = " + ChatRollups.QUARTER_HOUR + " AND " : "")
                + compared + " >= ?1 AND " + compared + " < ?2) d GROUP BY epoch_day HAVING SUM(n) > 0";
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

    /** Chats per local date of the report zone, from its daily rows: [first, end). */
    private Map<LocalDate, Long> dailyVolumeFromDays(LocalDate first, LocalDate end) {
        return tx.call(t -> {
            rollups.flush(t);
            t.em.flush();
            Map<LocalDate, Long> days = new HashMap<>();
            List<?> rows = t.em.createNativeQuery("SELECT bucket_start, SUM(total) FROM " + tables.rollup
                            + " WHERE granularity = " + ChatRollups.DAY + " AND bucket_start >= ?1"
                            + " AND bucket_start < ?2 GROUP BY bucket_start HAVING SUM(total) > 0")
                    .setParameter(1, first.toEpochDay()).setParameter(2, end.toEpochDay()).getResultList();
            for (Object row : rows) {
                Object[] cells = (Object[]) row;
                days.put(LocalDate.ofEpochDay(number(cells[0])), number(cells[1]));
            }
            return days;
        });
    }

    private boolean isStartOfDay(Instant i) {
        return startOf(LocalDate.ofInstant(i, zone)).equals(i);
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

    /**
     * One query per rating, from 5 down, until the limit is reached (usually one): each is a range of the
     * (rating, created_at, id) index read from its newest end, so at most {@code limit} chats are read per rating
     * however many chats the window has. (One query over all ratings would leave the database to choose between that
     * index and the created_at index plus a sort of every rated chat of the window.)
     */
    @Override
    public List<Chat> topRated(Instant from, Instant to, int limit) {
        return tx.call(t -> {
            List<Chat> top = new ArrayList<>();
            for (int rating = 5; rating >= 1 && top.size() < limit; rating--) {
                t.em.createQuery("select c" + WINDOW + " and c.rating = :rating"
                                + " order by c.createdAt desc, c.id desc", ChatEntity.class)
                        .setParameter("from", from).setParameter("to", to).setParameter("rating", rating)
                        .setMaxResults(limit - top.size()).getResultList()
                        .forEach(e -> top.add(e.toRecord()));
            }
            return top;
        });
    }
}
