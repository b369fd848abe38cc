package dev.parley.chat.spring.ui;

import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.spring.security.AdminOnly;
import dev.parley.chat.spring.security.AuthenticatedAdmin;
import dev.parley.chat.spring.web.ApiResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in to the dashboard, and every admin (for assignment), at {@code GET /api/v1/admin/me}. */
@RestController
@AdminOnly
final class AdminProfileController {

    private final AdminDirectory admins;

    AdminProfileController(AdminDirectory admins) {
        this.admins = admins;
    }

    @GetMapping(path = "/api/v1/admin/me", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<Profile> me(AuthenticatedAdmin admin) {
        return ApiResponse.ok(new Profile(view(admin.admin()),
                admins.all().stream().map(AdminProfileController::view).toList()));
    }

    private static AdminView view(Admin a) {
        return new AdminView(a.id(), a.name(), a.email(), a.role());
    }

    /**
     * The signed-in admin and their colleagues.
     *
     * @param admin  who is signed in
     * @param admins every admin of the directory
     */
    record Profile(AdminView admin, List<AdminView> admins) {}

    /**
     * An admin as the dashboard shows them.
     *
     * @param id    the id
     * @param name  the display name
     * @param email the email, if any
     * @param role  the role
     */
    record AdminView(String id, String name, @Nullable String email, String role) {}
}
