package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Business hours over real HTTP: admins store calendars, visitors ask whether a department is open. */
class HoursApiTest extends ApiTestBase {

    private static final String[] ALICE = asAdmin("alice");

    private String newDepartment() {
        String slug = unique("hours").toLowerCase().replaceAll("[^a-z0-9]+", "-");
        Api.Response created = api.post("/api/v1/admin/chat/departments",
                Map.of("name", slug, "slug", slug, "isActive", true), ALICE);
        assertThat(created.status()).isEqualTo(201);
        return slug;
    }

    @Test
    void aDepartmentWithoutHoursIsOpenAndFollowsItsCalendarOnceStored() {
        String slug = newDepartment();
        Api.Response before = api.get("/api/v1/chat/hours?department=" + slug);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.data().get("open").asBoolean()).isTrue();

        // Never open: a period on no day can't be written, so a calendar with no periods says "closed".
        Api.Response stored = api.put("/api/v1/admin/chat/hours",
                Map.of("department", slug, "zone", "Europe/Berlin", "periods", List.of(),
                        "closedDates", List.of("2026-12-25")), ALICE);
        assertThat(stored.status()).isEqualTo(200);
        JsonNode mine = departmentIn(stored.data(), slug);
        assertThat(mine.get("ownHours").asBoolean()).isTrue();
        assertThat(mine.at("/hours/zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(mine.at("/hours/closedDates/0").asString()).isEqualTo("2026-12-25");

        Api.Response closed = api.get("/api/v1/chat/hours?department=" + slug);
        assertThat(closed.data().get("open").asBoolean()).isFalse();
        assertThat(closed.data().get("nextOpening").isNull()).isTrue();

        assertThat(api.delete("/api/v1/admin/chat/hours?department=" + slug, ALICE).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/chat/hours?department=" + slug).data().get("open").asBoolean()).isTrue();
    }

    @Test
    void aWeeklyCalendarAnswersTheNextOpeningOnTheTeamsWallClock() {
        String slug = newDepartment();
        api.put("/api/v1/admin/chat/hours", Map.of("department", slug, "zone", "America/New_York",
                "periods", List.of("MONDAY 09:00-17:00")), ALICE);

        JsonNode a = api.get("/api/v1/chat/hours?department=" + slug).data();

        assertThat(a.get("zone").asString()).isEqualTo("America/New_York");
        Instant next = Instant.parse(a.get("nextOpening").asString());
        assertThat(next).isAfterOrEqualTo(Instant.now().minusSeconds(60));
        LocalDateTime local = LocalDateTime.parse(a.get("nextOpeningLocal").asString());
        assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        if (!a.get("open").asBoolean()) {
            assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(a.get("closesAt").isNull()).isTrue();
        } else {
            assertThat(Instant.parse(a.get("closesAt").asString())).isAfter(next);
        }
    }

    @Test
    void badCalendarsAre400AndUnknownDepartments404() {
        String slug = newDepartment();
        assertThat(api.put("/api/v1/admin/chat/hours", Map.of("department", slug, "zone", "Mars/Olympus"), ALICE)
                .errorMessage()).contains("Mars/Olympus");
        Api.Response badPeriod = api.put("/api/v1/admin/chat/hours", Map.of("department", slug,
                "zone", "UTC", "periods", List.of("someday 9-5")), ALICE);
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.errorMessage()).contains("MONDAY 09:00-17:30");
        assertThat(api.put("/api/v1/admin/chat/hours", Map.of("department", slug, "zone", "UTC",
                "closedDates", List.of("25.12.2026")), ALICE).status()).isEqualTo(400);
        assertThat(api.put("/api/v1/admin/chat/hours", Map.of("department", slug), ALICE).errorMessage())
                .contains("zone is required");
        assertThat(api.get("/api/v1/chat/hours?department=nowhere").status()).isEqualTo(404);
        assertThat(departmentIn(api.get("/api/v1/admin/chat/hours", ALICE).data(), slug)
                .get("ownHours").asBoolean()).isFalse();
    }

    @Test
    void calendarsAreForAdminsOnly() {
        assertThat(api.get("/api/v1/admin/chat/hours").status()).isEqualTo(401);
        assertThat(api.put("/api/v1/admin/chat/hours", Map.of("zone", "UTC")).status()).isEqualTo(401);
    }

    private static JsonNode departmentIn(JsonNode overview, String slug) {
        for (JsonNode d : overview.get("departments")) {
            if (d.at("/availability/department").asString().equals(slug)) {
                return d;
            }
        }
        throw new AssertionError("no department " + slug + " in " + overview);
    }
}
