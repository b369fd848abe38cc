package dev.parley.chat.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.ParleyException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Mon–Fri 09:00–17:00, Saturday night 22:00–04:00. */
    private static final BusinessHours BERLIN_HOURS = new BusinessHours(BERLIN, periods(
            "MON 09:00-17:00", "TUE 09:00-17:00", "WED 09:00-17:00", "THU 09:00-17:00", "FRI 09:00-17:00",
            "SAT 22:00-04:00"), Set.of());

    /** Mon–Fri 09:00–12:00 and 13:00–17:00 (split), Wednesday night 20:00–02:00, closed on Thanksgiving 2026. */
    private static final BusinessHours NEW_YORK_HOURS = new BusinessHours(NEW_YORK, periods(
            "MON 09:00-12:00", "MON 13:00-17:00", "TUE 09:00-12:00", "TUE 13:00-17:00", "WED 09:00-12:00",
            "WED 13:00-17:00", "WED 20:00-02:00", "THU 09:00-12:00", "THU 13:00-17:00", "FRI 09:00-12:00",
            "FRI 13:00-17:00"), Set.of(LocalDate.of(2026, 11, 26)));

    private static List<OpeningPeriod> periods(String... texts) {
        return Arrays.stream(texts).map(OpeningPeriod::parse).toList();
    }

    private static Instant local(ZoneId zone, String dateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(dateTime), zone).toInstant();
    }

    @Test
    void berlinOpensAtNineLocalOnBothSidesOfTheSpringChange() {
        // Friday 27 March 2026 is CET (+01:00), Monday 30 March is CEST (+02:00).
        assertThat(BERLIN_HOURS.isOpenAt(Instant.parse("2026-03-27T07:59:00Z"))).isFalse();
        assertThat(BERLIN_HOURS.isOpenAt(Instant.parse("2026-03-27T08:00:00Z"))).isTrue();
        assertThat(BERLIN_HOURS.isOpenAt(Instant.parse("2026-03-30T06:59:00Z"))).isFalse();
        assertThat(BERLIN_HOURS.isOpenAt(Instant.parse("2026-03-30T07:00:00Z"))).isTrue();
        assertThat(BERLIN_HOURS.isOpenAt(Instant.parse("2026-03-30T14:59:00Z"))).isTrue();
        assertThat(BERLIN_HOURS.isOpenAt(Instant.parse("2026-03-30T15:00:00Z"))).isFalse();
    }

    @Test
    void anOvernightPeriodAcrossTheChangesLastsItsWallClockHours() {
        // Saturday 22:00 CET to Sunday 04:00 CEST: five hours; in October, 22:00 CEST to 04:00 CET: seven.
        Instant springOpen = local(BERLIN, "2026-03-28T22:00");
        assertThat(BERLIN_HOURS.closesAfter(springOpen)).contains(Instant.parse("2026-03-29T02:00:00Z"));
        assertThat(BERLIN_HOURS.openTimeBetween(springOpen.minusSeconds(3600), springOpen.plus(Duration.ofHours(12))))
                .isEqualTo(Duration.ofHours(5));
        Instant autumnOpen = local(BERLIN, "2026-10-24T22:00");
        assertThat(BERLIN_HOURS.closesAfter(autumnOpen)).contains(Instant.parse("2026-10-25T03:00:00Z"));
        assertThat(BERLIN_HOURS.openTimeBetween(autumnOpen, autumnOpen.plus(Duration.ofHours(12))))
                .isEqualTo(Duration.ofHours(7));
        assertThat(BERLIN_HOURS.isOpenAt(Instant.parse("2026-10-25T02:59:00Z"))).isTrue();
        assertThat(BERLIN_HOURS.isOpenAt(Instant.parse("2026-10-25T03:00:00Z"))).isFalse();
    }

    @Test
    void nextOpeningSkipsTheWeekendAndTheChange() {
        assertThat(BERLIN_HOURS.nextOpening(local(BERLIN, "2026-03-27T17:00")))
                .contains(local(BERLIN, "2026-03-28T22:00"));
        assertThat(BERLIN_HOURS.nextOpening(local(BERLIN, "2026-03-29T04:00")))
                .contains(Instant.parse("2026-03-30T07:00:00Z"));
        Instant open = local(BERLIN, "2026-03-30T10:15");
        assertThat(BERLIN_HOURS.nextOpening(open)).contains(open);
    }

    @Test
    void aPeriodThatOpensInTheSkippedHourOpensWhenTheClocksJump() {
        BusinessHours hours = new BusinessHours(BERLIN, periods("SUN 02:30-05:00"), Set.of());
        assertThat(hours.nextOpening(Instant.parse("2026-03-28T12:00:00Z")))
                .contains(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(hours.openTimeBetween(Instant.parse("2026-03-28T12:00:00Z"), Instant.parse("2026-03-30T00:00:00Z")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void newYorkSplitHoursAcrossTheAutumnChange() {
        // Friday 30 October 2026 is EDT (-04:00), Monday 2 November is EST (-05:00).
        assertThat(NEW_YORK_HOURS.isOpenAt(Instant.parse("2026-10-30T13:00:00Z"))).isTrue();
        assertThat(NEW_YORK_HOURS.isOpenAt(Instant.parse("2026-10-30T16:00:00Z"))).isFalse();
        assertThat(NEW_YORK_HOURS.nextOpening(Instant.parse("2026-10-30T16:00:00Z")))
                .contains(Instant.parse("2026-10-30T17:00:00Z"));
        assertThat(NEW_YORK_HOURS.nextOpening(local(NEW_YORK, "2026-10-30T17:00")))
                .contains(Instant.parse("2026-11-02T14:00:00Z"));
        assertThat(NEW_YORK_HOURS.openTimeBetween(local(NEW_YORK, "2026-11-02T08:00"), local(NEW_YORK, "2026-11-02T18:00")))
                .isEqualTo(Duration.ofHours(7));
    }

    @Test
    void aHolidayClosesTheWholeDayIncludingTheNightRunningIntoIt() {
        Instant wednesdayNight = local(NEW_YORK, "2026-11-25T23:59");
        assertThat(NEW_YORK_HOURS.isOpenAt(wednesdayNight)).isTrue();
        assertThat(NEW_YORK_HOURS.closesAfter(wednesdayNight)).contains(local(NEW_YORK, "2026-11-26T00:00"));
        assertThat(NEW_YORK_HOURS.isOpenAt(local(NEW_YORK, "2026-11-26T00:00"))).isFalse();
        assertThat(NEW_YORK_HOURS.isOpenAt(local(NEW_YORK, "2026-11-26T10:00"))).isFalse();
        assertThat(NEW_YORK_HOURS.nextOpening(local(NEW_YORK, "2026-11-25T17:00")))
                .contains(local(NEW_YORK, "2026-11-25T20:00"));
        assertThat(NEW_YORK_HOURS.nextOpening(local(NEW_YORK, "2026-11-26T00:00")))
                .contains(local(NEW_YORK, "2026-11-27T09:00"));
    }

    @Test
    void everyMinuteAroundEveryChangeAgreesWithTheWallClock() {
        check(BERLIN_HOURS, "2026-03-26T00:00:00Z", "2026-04-01T00:00:00Z");
        check(BERLIN_HOURS, "2026-10-22T00:00:00Z", "2026-10-28T00:00:00Z");
        check(NEW_YORK_HOURS, "2026-03-05T00:00:00Z", "2026-03-11T00:00:00Z");
        check(NEW_YORK_HOURS, "2026-10-29T00:00:00Z", "2026-11-04T00:00:00Z");
        check(NEW_YORK_HOURS, "2026-11-24T00:00:00Z", "2026-11-29T00:00:00Z");
    }

    /**
     * Walks minute by minute: "open now" must match the wall clock read in the zone, and "next opening" must be the
     * first later minute that is open.
     */
    private static void check(BusinessHours hours, String from, String to) {
        List<Instant> minutes = new ArrayList<>();
        for (Instant t = Instant.parse(from); t.isBefore(Instant.parse(to)); t = t.plusSeconds(60)) {
            minutes.add(t);
        }
        Optional<Instant> expectedNext = Optional.empty();
        for (int i = minutes.size() - 1; i >= 0; i--) {
            Instant t = minutes.get(i);
            boolean open = wallClockOpen(hours, t);
            assertThat(hours.isOpenAt(t)).as("open at %s", t.atZone(hours.zone())).isEqualTo(open);
            if (open) {
                expectedNext = Optional.of(t);
            }
            if (expectedNext.isPresent()) {
                assertThat(hours.nextOpening(t)).as("next opening from %s", t.atZone(hours.zone()))
                        .isEqualTo(expectedNext);
            }
        }
    }

    /** An independent reading: the local date and time on the wall clock against each period. */
    private static boolean wallClockOpen(BusinessHours hours, Instant t) {
        LocalDateTime wall = t.atZone(hours.zone()).toLocalDateTime();
        if (hours.closedDates().contains(wall.toLocalDate())) {
            return false;
        }
        DayOfWeek today = wall.getDayOfWeek();
        LocalTime time = wall.toLocalTime();
        for (OpeningPeriod p : hours.periods()) {
            if (!p.crossesMidnight()) {
                if (p.day() == today && !time.isBefore(p.opens()) && time.isBefore(p.closes())) {
                    return true;
                }
            } else if ((p.day() == today && !time.isBefore(p.opens()))
                    || (p.day() == today.minus(1) && time.isBefore(p.closes()))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void alwaysOpenNeverCloses() {
        BusinessHours always = BusinessHours.always(BERLIN);
        Instant t = Instant.parse("2026-03-29T01:30:00Z");
        assertThat(always.isOpenAt(t)).isTrue();
        assertThat(always.nextOpening(t)).contains(t);
        assertThat(always.closesAfter(t)).isEmpty();
        assertThat(always.openTimeBetween(t, t.plus(Duration.ofDays(3)))).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void noPeriodsMeansNeverOpen() {
        BusinessHours never = new BusinessHours(BERLIN, List.of(), Set.of());
        assertThat(never.isOpenAt(Instant.parse("2026-03-29T01:30:00Z"))).isFalse();
        assertThat(never.nextOpening(Instant.parse("2026-03-29T01:30:00Z"))).isEmpty();
    }

    @Test
    void periodsParseAndRefuseBadText() {
        assertThat(OpeningPeriod.parse("friday 22:00-06:00"))
                .isEqualTo(new OpeningPeriod(DayOfWeek.FRIDAY, LocalTime.of(22, 0), LocalTime.of(6, 0)));
        assertThat(OpeningPeriod.parse("FRIDAY 22:00-06:00").crossesMidnight()).isTrue();
        assertThatThrownBy(() -> OpeningPeriod.parse("someday 09:00-17:00")).isInstanceOf(ParleyException.class);
        assertThatThrownBy(() -> OpeningPeriod.parse("MON 9-17")).isInstanceOf(ParleyException.class);
    }
}
