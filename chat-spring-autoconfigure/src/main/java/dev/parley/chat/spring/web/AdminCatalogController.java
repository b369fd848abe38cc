package dev.parley.chat.spring.web;

import dev.parley.chat.AssignmentMode;
import dev.parley.chat.ChatDepartment;
import dev.parley.chat.assignment.AssignmentService;
import dev.parley.chat.department.DepartmentService;
import dev.parley.chat.knowledge.KnowledgeBase;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.presence.PresenceTracker;
import dev.parley.chat.spring.security.AdminOnly;
import dev.parley.chat.spring.security.AuthenticatedAdmin;
import dev.parley.chat.spring.web.Requests.ArticleRequest;
import dev.parley.chat.spring.web.Requests.DepartmentRequest;
import dev.parley.chat.spring.web.Requests.HeartbeatRequest;
import java.util.List;
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

/** The admin endpoints of departments, knowledge-base articles and presence. */
@AdminOnly
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
final class AdminCatalogController {

    private final DepartmentService departments;
    private final KnowledgeBase knowledgeBase;
    private final PresenceTracker presence;
    private final AssignmentService assignment;

    AdminCatalogController(DepartmentService departments, KnowledgeBase knowledgeBase, PresenceTracker presence,
            AssignmentService assignment) {
        this.assignment = assignment;
        this.departments = departments;
        this.knowledgeBase = knowledgeBase;
        this.presence = presence;
    }

    @GetMapping("/chat/departments")
    ApiResponse<List<CatalogViews.Department>> departments() {
        return ApiResponse.ok(departments.list().stream().map(this::withMode).toList());
    }

    @PostMapping(path = "/chat/departments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<CatalogViews.Department> createDepartment(@RequestBody DepartmentRequest body) {
        AssignmentMode mode = body.mode();
        return ApiResponse.ok(withMode(departments.create(body.draft()), mode));
    }

    @PutMapping(path = "/chat/departments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<CatalogViews.Department> updateDepartment(@RequestBody DepartmentRequest body) {
        AssignmentMode mode = body.mode();
        return ApiResponse.ok(withMode(departments.update(Requests.required(body.id(), "id"), body.draft()), mode));
    }

    /** The department with its assignment mode, after setting the mode when one was asked for. */
    private CatalogViews.Department withMode(ChatDepartment d, @Nullable AssignmentMode mode) {
        return CatalogViews.department(d, mode == null ? assignment.mode(d.slug()) : assignment.setMode(d.slug(), mode));
    }

    private CatalogViews.Department withMode(ChatDepartment d) {
        return withMode(d, null);
    }

    @DeleteMapping("/chat/departments")
    ApiResponse<Deleted> deleteDepartment(@RequestParam long id) {
        departments.delete(id);
        return ApiResponse.ok(new Deleted(id));
    }

    @GetMapping("/chat/knowledge-base")
    ApiResponse<List<CatalogViews.Article>> articles() {
        return ApiResponse.ok(knowledgeBase.list().stream().map(CatalogViews::article).toList());
    }

    @PostMapping(path = "/chat/knowledge-base", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<CatalogViews.Article> createArticle(@RequestBody ArticleRequest body) {
        return ApiResponse.ok(CatalogViews.article(knowledgeBase.create(body.draft())));
    }

    @PutMapping(path = "/chat/knowledge-base", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<CatalogViews.Article> updateArticle(@RequestBody ArticleRequest body) {
        return ApiResponse.ok(CatalogViews.article(
                knowledgeBase.update(Requests.required(body.id(), "id"), body.draft())));
    }

    @DeleteMapping("/chat/knowledge-base")
    ApiResponse<Deleted> deleteArticle(@RequestParam long id) {
        knowledgeBase.delete(id);
        return ApiResponse.ok(new Deleted(id));
    }

    /** The admin's heartbeat: online or not, which department, which connection. */
    @PostMapping(path = "/presence", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<CatalogViews.Presence> heartbeat(@RequestBody HeartbeatRequest body, AuthenticatedAdmin admin) {
        boolean online = body.isOnline() == null || body.isOnline();
        return ApiResponse.ok(CatalogViews.presence(presence.heartbeat(admin.id(),
                new Heartbeat(online, body.department(), body.socketId()))));
    }

    /** The admins online now (optionally serving one department). */
    @GetMapping("/presence")
    ApiResponse<CatalogViews.OnlineAdmins> online(@RequestParam(required = false) @Nullable String department) {
        return ApiResponse.ok(CatalogViews.online(presence.online(
                department == null || department.isBlank() ? null : department.strip())));
    }

    /**
     * What was deleted.
     *
     * @param deleted the id
     */
    record Deleted(long deleted) {}
}
