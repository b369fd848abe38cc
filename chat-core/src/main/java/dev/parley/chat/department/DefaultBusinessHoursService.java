package dev.parley.chat.department;

import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ParleyException;
import dev.parley.chat.hours.BusinessHours;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.HoursRecords;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Business hours over the store; see {@link BusinessHoursService}. */
public final class DefaultBusinessHoursService implements BusinessHoursService {

    private static final Logger log = LoggerFactory.getLogger(DefaultBusinessHoursService.class);

    private final ChatStore store;
    private final Clock clock;
    private final ZoneId defaultZone;

    /** Creates the service; {@code defaultZone} is the zone of "always open" when nothing is stored. */
    public DefaultBusinessHoursService(ChatStore store, Clock clock, ZoneId defaultZone) {
        this.store = store;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    @Override
    public BusinessHours hoursOf(String department) {
        return applying(department(department)).hours();
    }

    @Override
    public Optional<BusinessHours> storedHours(@Nullable String department) {
        return store.hours().find(key(department));
    }

    @Override
    public void setHours(@Nullable String department, BusinessHours hours) {
        long key = key(department);
        store.hours().put(key, hours);
        log.info("Business hours of {} set: {} in {}, {} closed dates", department == null ? "every department"
                : department, hours.periods(), hours.zone(), hours.closedDates().size());
    }

    @Override
    public boolean clearHours(@Nullable String department) {
        boolean removed = store.hours().remove(key(department));
        if (removed) {
            log.info("Business hours of {} removed", department == null ? "every department" : department);
        }
        return removed;
    }

    @Override
    public DepartmentHours now(String department) {
        Applying a = applying(department(department));
        return DepartmentHours.of(department, a.hours(), a.own(), clock.instant());
    }

    @Override
    public List<DepartmentHours> now() {
        Instant at = clock.instant();
        Optional<BusinessHours> fallback = store.hours().find(HoursRecords.DEFAULT);
        return store.departments().list().stream().map(d -> {
            Optional<BusinessHours> own = store.hours().find(d.id());
            BusinessHours hours = own.or(() -> fallback).orElseGet(() -> BusinessHours.always(defaultZone));
            return DepartmentHours.of(d.slug(), hours, own.isPresent(), at);
        }).toList();
    }

    private Applying applying(ChatDepartment d) {
        Optional<BusinessHours> own = store.hours().find(d.id());
        if (own.isPresent()) {
            return new Applying(own.get(), true);
        }
        return new Applying(store.hours().find(HoursRecords.DEFAULT)
                .orElseGet(() -> BusinessHours.always(defaultZone)), false);
    }

    private long key(@Nullable String department) {
        return department == null ? HoursRecords.DEFAULT : department(department).id();
    }

    private ChatDepartment department(String slug) {
        return store.departments().findBySlug(slug)
                .orElseThrow(() -> ParleyException.notFound("no department has the slug '" + slug + "'"));
    }

    private record Applying(BusinessHours hours, boolean own) {}
}
