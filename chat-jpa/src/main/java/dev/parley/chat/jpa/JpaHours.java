package dev.parley.chat.jpa;

import dev.parley.chat.hours.BusinessHours;
import dev.parley.chat.hours.OpeningPeriod;
import dev.parley.chat.store.HoursRecords;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;

/** Business hours as local times in text columns, one row per department id, written with the database's upsert. */
final class JpaHours implements HoursRecords {

    private static final String COLUMNS = "(department_id, time_zone, periods, closed_dates)";

    private final JpaTransactions tx;
    private final Tables tables;

    JpaHours(JpaTransactions tx, Tables tables) {
        this.tx = tx;
        this.tables = tables;
    }

    @Override
    public Optional<BusinessHours> find(long departmentId) {
        return tx.call(t -> t.em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT time_zone, periods, closed_dates FROM "
                    + tables.hours + " WHERE department_id = ?")) {
                s.setLong(1, departmentId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(read(r.getString(1), r.getString(2), r.getString(3)))
                            : Optional.<BusinessHours>empty();
                }
            }
        }));
    }

    @Override
    public void put(long departmentId, BusinessHours hours) {
        String sql = tables.postgres()
                ? "INSERT INTO " + tables.hours + " " + COLUMNS + " VALUES (?, ?, ?, ?) ON CONFLICT (department_id)"
                        + " DO UPDATE SET time_zone = EXCLUDED.time_zone, periods = EXCLUDED.periods,"
                        + " closed_dates = EXCLUDED.closed_dates"
                : "MERGE INTO " + tables.hours + " " + COLUMNS + " KEY (department_id) VALUES (?, ?, ?, ?)";
        tx.exec(t -> t.em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, departmentId);
                s.setString(2, hours.zone().getId());
                s.setString(3, hours.periods().stream().map(OpeningPeriod::toString).collect(Collectors.joining(";")));
                s.setString(4, hours.closedDates().stream().sorted().map(LocalDate::toString)
                        .collect(Collectors.joining(",")));
                s.executeUpdate();
            }
        }));
    }

    @Override
    public boolean remove(long departmentId) {
        return tx.call(t -> t.em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + tables.hours
                    + " WHERE department_id = ?")) {
                s.setLong(1, departmentId);
                return s.executeUpdate() > 0;
            }
        }));
    }

    private static BusinessHours read(String zone, String periods, String closedDates) {
        return new BusinessHours(ZoneId.of(zone),
                Arrays.stream(periods.split(";")).filter(p -> !p.isBlank()).map(OpeningPeriod::parse).toList(),
                Arrays.stream(closedDates.split(",")).filter(d -> !d.isBlank()).map(LocalDate::parse)
                        .collect(Collectors.toSet()));
    }
}
