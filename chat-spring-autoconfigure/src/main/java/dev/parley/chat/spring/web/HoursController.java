package dev.parley.chat.spring.web;

import dev.parley.chat.department.BusinessHoursService;
import dev.parley.chat.spring.security.AdminOnly;
import dev.parley.chat.spring.web.HoursViews.Availability;
import dev.parley.chat.spring.web.HoursViews.Calendar;
import dev.parley.chat.spring.web.HoursViews.DepartmentCalendar;
import dev.parley.chat.spring.web.HoursViews.HoursRequest;
import dev.parley.chat.spring.web.HoursViews.Overview;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Business hours: whether a department is open (visitors), and the calendars (admins). */
final class HoursController {

    private HoursController() {}

    /** {@code GET /api/v1/chat/hours?department=…}: whether the department is open and when it next opens. */
    @RestController
    @RequestMapping(path = "/api/v1/chat", produces = MediaType.APPLICATION_JSON_VALUE)
    static final class Visitor {

        private final BusinessHoursService hours;

        Visitor(BusinessHoursService hours) {
            this.hours = hours;
        }

        @GetMapping("/hours")
        ApiResponse<Availability> availability(@RequestParam(defaultValue = "general") String department) {
            return ApiResponse.ok(Availability.of(hours.now(department)));
        }
    }

    /** {@code /api/v1/admin/chat/hours}: read, store and remove calendars. */
    @AdminOnly
    @RestController
    @RequestMapping(path = "/api/v1/admin/chat/hours", produces = MediaType.APPLICATION_JSON_VALUE)
    static final class Admin {

        private final BusinessHoursService hours;

        Admin(BusinessHoursService hours) {
            this.hours = hours;
        }

        @GetMapping
        ApiResponse<Overview> overview() {
            return ApiResponse.ok(new Overview(hours.storedHours(null).map(Calendar::of).orElse(null),
                    hours.now().stream().map(DepartmentCalendar::of).toList()));
        }

        @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
        ApiResponse<Overview> store(@RequestBody HoursRequest body) {
            hours.setHours(blankToNull(body.department()), body.hours());
            return overview();
        }

        @DeleteMapping
        ApiResponse<Overview> remove(@RequestParam(required = false) @Nullable String department) {
            hours.clearHours(blankToNull(department));
            return overview();
        }

        private static @Nullable String blankToNull(@Nullable String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
