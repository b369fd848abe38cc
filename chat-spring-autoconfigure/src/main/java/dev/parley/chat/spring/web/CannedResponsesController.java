package dev.parley.chat.spring.web;

import dev.parley.chat.CannedResponse;
import dev.parley.chat.CannedResponse.Scope;
import dev.parley.chat.CannedResponse.Visibility;
import dev.parley.chat.ParleyException;
import dev.parley.chat.canned.CannedResponses;
import dev.parley.chat.canned.CannedResponses.Context;
import dev.parley.chat.canned.CannedResponses.Draft;
import dev.parley.chat.spring.security.AdminOnly;
import dev.parley.chat.spring.security.AuthenticatedAdmin;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/chat/canned-responses}: list (optionally searched, optionally filled for a chat), create,
 * change and delete the canned responses the calling admin sees.
 */
@AdminOnly
@RestController
@RequestMapping(path = "/api/v1/admin/chat/canned-responses", produces = MediaType.APPLICATION_JSON_VALUE)
final class CannedResponsesController {

    private final CannedResponses canned;

    CannedResponsesController(CannedResponses canned) {
        this.canned = canned;
    }

    /**
     * What the admin sees: all, or matches of {@code q} ranked shortcut, title, text; with {@code chatId}, each
     * view's {@code filled} holds its text with that chat's values.
     */
    @GetMapping
    ApiResponse<List<View>> list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long chatId, AuthenticatedAdmin admin) {
        List<CannedResponse> found = q == null ? canned.list(admin.id()) : canned.search(admin.id(), q);
        @Nullable Context context = chatId == null ? null : canned.contextFor(admin.id(), chatId);
        return ApiResponse.ok(found.stream()
                .map(r -> View.of(r, context == null ? null : canned.fill(r, context))).toList());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<View> create(@RequestBody Body body, AuthenticatedAdmin admin) {
        return ApiResponse.ok(View.of(canned.create(admin.id(), body.draft(admin.id())), null));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<View> update(@RequestParam long id, @RequestBody Body body, AuthenticatedAdmin admin) {
        return ApiResponse.ok(View.of(canned.edit(admin.id(), id, body.draft(admin.id())), null));
    }

    @DeleteMapping
    ApiResponse<Deleted> delete(@RequestParam long id, AuthenticatedAdmin admin) {
        canned.delete(admin.id(), id);
        return ApiResponse.ok(new Deleted(id));
    }

    /**
     * A canned response as the API writes it.
     *
     * @param scope      {@code everyone}, {@code department} or {@code personal}
     * @param department the department's slug, for {@code department}
     * @param owner      the owning admin's id, for {@code personal}
     * @param filled     the text with the chat's values, when the list was asked for a chat
     */
    record View(long id, String shortcut, String title, String text, String scope, @Nullable String department,
            @Nullable String owner, @Nullable String filled, Instant createdAt, Instant updatedAt) {

        static View of(CannedResponse r, @Nullable String filled) {
            Visibility v = r.scope().visibility();
            return new View(r.id(), r.shortcut(), r.title(), r.text(), name(v),
                    v == Visibility.DEPARTMENT ? r.scope().owner() : null,
                    v == Visibility.ADMIN ? r.scope().owner() : null, filled, r.createdAt(), r.updatedAt());
        }

        private static String name(Visibility v) {
            return v == Visibility.ADMIN ? "personal" : v.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What a client sends to create or change a response.
     *
     * @param scope      {@code everyone} (default), {@code department} or {@code personal} (the caller's own)
     * @param department the department's slug, for {@code department}
     */
    record Body(@Nullable String shortcut, @Nullable String title, @Nullable String text, @Nullable String scope,
            @Nullable String department) {

        Draft draft(String adminId) {
            String s = scope == null || scope.isBlank() ? "everyone" : scope.strip().toLowerCase(Locale.ROOT);
            Scope parsed = switch (s) {
                case "everyone" -> Scope.everyone();
                case "department" -> Scope.department(Requests.required(blankToNull(department), "department"));
                case "personal" -> Scope.admin(adminId);
                default -> throw ParleyException.invalid("scope must be everyone, department or personal, not '"
                        + scope + "'");
            };
            return new Draft(Requests.required(shortcut, "shortcut"), Requests.required(title, "title"),
                    Requests.required(text, "text"), parsed);
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** The id of a deleted response. */
    record Deleted(long id) {}
}
