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
 * The report's aggregates as SQL over the chat table (three grouped queries for the totals, one for the days, one
 * for the best-rated chats); no chat is loaded to compute a sum.
 */
final class JpaAnalytics implements AnalyticsQueries {

    private static final String WINDOW = " from ParleyChat c where c.createdAt >= :from and c.createdAt < :to";
    private static final String RESOLVED = "case when c.status in ('RESOLVED', 'CLOSED') then 1 else 0 end";

    private final JpaTransactions tx;
    private final Tables tables;

    JpaAnalytics(JpaTransactions tx, Tables tables) {
        this.tx = tx;
        this.tables = tables;
    }

    @Override
    public WindowTotals totals(Instant from, Instant to) {
        return tx.call(t -> {
            Object[] sums = t.em.createQuery("select count(c),"
                            + " sum(case when c.status in ('ACTIVE', 'WAITING') then 1 else 0 end), sum(" + RESOLVED + "),"
                            + " count(c.rating), sum(c.rating), count(c.responseTime), sum(c.responseTime),"
                            + " count(c.resolutionTime), sum(c.resolutionTime), sum(c.totalMessages)" + WINDOW,
                    Object[].class).setParameter("from", from).setParameter("to", to).getSingleResult();
            Map<Integer, Long> ratings = new HashMap<>();
            for (Object[] row : t.em.createQuery("select c.rating, count(c)" + WINDOW
                            + " and c.rating is not null group by c.rating", Object[].class)
                    .setParameter("from", from).setParameter("to", to).getResultList()) {
                ratings.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
            }
            Map<String, DepartmentCount> departments = new HashMap<>();
            for (Object[] row : t.em.createQuery("select c.department, count(c), sum(" + RESOLVED + ")" + WINDOW
                            + " group by c.department", Object[].class)
                    .setParameter("from", from).setParameter("to", to).getResultList()) {
                departments.put((String) row[0], new DepartmentCount(number(row[1]), number(row[2])));
            }
            return new WindowTotals(number(sums[0]), number(sums[1]), number(sums[2]), number(sums[3]),
                    number(sums[4]), number(sums[5]), number(sums[6]), number(sums[7]), number(sums[8]),
                    number(sums[9]), ratings, departments);
        });
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * Chats per local date. The zone's offsets over the window come from {@code java.time} (so the days agree
     * exactly with the core and the in-memory store, whatever time-zone data the database has); the database adds
     * the offset in force at each chat's creation to its epoch second and divides by a day.
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
        StringBuilder offset = new StringBuilder();
        if (changes.isEmpty()) {
            offset.append(offsets.get(0));
        } else {
            offset.append("CASE");
            for (int i = 0; i < changes.size(); i++) {
                offset.append(" WHEN created_at < ?").append(i + 3).append(" THEN ").append(offsets.get(i));
            }
            offset.append(" ELSE ").append(offsets.get(changes.size())).append(" END");
        }
        String sql = "SELECT epoch_day, COUNT(*) FROM (SELECT (CAST(FLOOR(EXTRACT(EPOCH FROM created_at)) AS BIGINT)"
                + " + " + offset + ") / 86400 AS epoch_day FROM " + tables.chat
                + " WHERE created_at >= ?1 AND created_at < ?2) d GROUP BY epoch_day";
        return tx.call(t -> {
            t.em.flush();
            Query q = t.em.createNativeQuery(sql).setParameter(1, from).setParameter(2, to);
            for (int i = 0; i < changes.size(); i++) {
                q.setParameter(i + 3, changes.get(i));
            }
            Map<LocalDate, Long> days = new HashMap<>();
            for (Object row : q.getResultList()) {
                Object[] cells = (Object[]) row;
                days.put(LocalDate.ofEpochDay(number(cells[0])), number(cells[1]));
            }
            return days;
        });
    }

    @Override
    public List<Chat> topRated(Instant from, Instant to, int limit) {
        return tx.call(t -> t.em.createQuery("select c" + WINDOW + " and c.rating is not null"
                        + " order by c.rating desc, c.createdAt desc, c.id desc", ChatEntity.class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(limit).getResultList().stream()
                .map(ChatEntity::toRecord).toList());
    }
}
