package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.department.BusinessHoursService;
import dev.parley.chat.department.DepartmentHours;
import dev.parley.chat.hours.BusinessHours;
import dev.parley.chat.hours.OpeningPeriod;
import dev.parley.chat.store.HoursRecords;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Business hours: the store keeps a calendar per department id (and the default under {@link HoursRecords#DEFAULT})
 * exactly, local times and zone included; the service applies a department's own calendar, else the default, else
 * "always open".
 */
public abstract class BusinessHoursContract extends ContractSuite {

    /** Weekdays 09:00–17:00 in Berlin, Friday night until 02:00, closed on two dates. */
    private static final BusinessHours BERLIN = new BusinessHours(ZoneId.of("Europe/Berlin"), List.of(
            OpeningPeriod.parse("MON 09:00-17:00"), OpeningPeriod.parse("TUE 09:00-17:00"),
            OpeningPeriod.parse("WED 09:00-17:00"), OpeningPeriod.parse("THU 09:00-17:00"),
            OpeningPeriod.parse("FRI 09:00-17:00"), OpeningPeriod.parse("FRI 22:00-02:00")),
            Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)));

    /** Tuesday and Wednesday mornings in New York. */
    private static final BusinessHours NEW_YORK = new BusinessHours(ZoneId.of("America/New_York"), List.of(
            OpeningPeriod.parse("TUE 08:00-11:00"), OpeningPeriod.parse("WED 08:00-11:00")), Set.of());

    /** Binds the suite to the adapter's test. */
    protected BusinessHoursContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private BusinessHoursService hours() {
        return parley().businessHours();
    }

    @Test
    void theStoreKeepsACalendarExactlyAndReplacesIt() {
        long sales = parley().departments().get("sales").id();
        assertThat(store().hours().find(sales)).isEmpty();

        store().hours().put(sales, BERLIN);
        assertThat(store().hours().find(sales)).contains(BERLIN);

        store().hours().put(sales, NEW_YORK);
        assertThat(store().hours().find(sales)).contains(NEW_YORK);
        assertThat(store().hours().remove(sales)).isTrue();
        assertThat(store().hours().remove(sales)).isFalse();
        assertThat(store().hours().find(sales)).isEmpty();
    }

    @Test
    void aCalendarWithoutPeriodsOrDatesRoundTrips() {
        BusinessHours never = new BusinessHours(ZoneId.of("Asia/Kolkata"), List.of(), Set.of());
        store().hours().put(HoursRecords.DEFAULT, never);
        assertThat(store().hours().find(HoursRecords.DEFAULT)).contains(never);
    }

    @Test
    void aRolledBackPutLeavesNothing() {
        long sales = parley().departments().get("sales").id();
        assertFails(ErrorCode.CONFLICT, () -> store().transactions().inTransaction(() -> {
            store().hours().put(sales, BERLIN);
            throw dev.parley.chat.ParleyException.conflict("rolled back on purpose");
        }));
        assertThat(store().hours().find(sales)).isEmpty();
    }

    @Test
    void withNothingStoredEveryDepartmentIsAlwaysOpen() {
        DepartmentHours general = hours().now("general");
        assertThat(general.open()).isTrue();
        assertThat(general.ownHours()).isFalse();
        assertThat(general.nextOpening()).isEqualTo(T0);
        assertThat(general.closesAt()).isNull();
        assertThat(hours().now()).extracting(DepartmentHours::department)
                .containsExactlyElementsOf(parley().departments().list().stream().map(d -> d.slug()).toList());
    }

    @Test
    void aDepartmentFollowsItsOwnCalendarElseTheDefault() {
        // T0 is Tuesday 2026-03-10 10:00Z: 11:00 in Berlin (open), 06:00 in New York (closed until 08:00).
        hours().setHours(null, BERLIN);
        hours().setHours("sales", NEW_YORK);

        DepartmentHours sales = hours().now("sales");
        assertThat(sales.ownHours()).isTrue();
        assertThat(sales.open()).isFalse();
        assertThat(sales.nextOpening()).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
        DepartmentHours general = hours().now("general");
        assertThat(general.ownHours()).isFalse();
        assertThat(general.open()).isTrue();
        assertThat(general.closesAt()).isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));
        assertThat(hours().hoursOf("technical")).isEqualTo(BERLIN);

        clock.advance(Duration.ofHours(2));
        assertThat(hours().now("sales").open()).isTrue();

        assertThat(hours().clearHours("sales")).isTrue();
        assertThat(hours().hoursOf("sales")).isEqualTo(BERLIN);
        assertThat(hours().storedHours("sales")).isEmpty();
        assertThat(hours().storedHours(null)).contains(BERLIN);
    }

    @Test
    void anUnknownDepartmentIsNotFound() {
        assertFails(ErrorCode.NOT_FOUND, () -> hours().now("nowhere"), "nowhere");
        assertFails(ErrorCode.NOT_FOUND, () -> hours().setHours("nowhere", BERLIN), "nowhere");
    }
}
