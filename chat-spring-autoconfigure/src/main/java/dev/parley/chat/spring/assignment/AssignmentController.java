package dev.parley.chat.spring.assignment;

import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ParleyException;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.assignment.AdminLoad;
import dev.parley.chat.assignment.AssignmentService;
import dev.parley.chat.department.DepartmentService;
import dev.parley.chat.spring.security.AdminOnly;
import dev.parley.chat.spring.web.ApiResponse;
import dev.parley.chat.spring.web.ChatViews;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin endpoints of automatic assignment: the queues and the admins' capacities. */
@AdminOnly
@RestController
@RequestMapping(path = "/api/v1/admin/chat", produces = MediaType.APPLICATION_JSON_VALUE)
final class AssignmentController {

    private static final int DEFAULT_LIMIT = 100;

    private final AssignmentService assignment;
    private final DepartmentService departments;
    private final AdminDirectory admins;
    private final ChatViews views;

    AssignmentController(AssignmentService assignment, DepartmentService departments, AdminDirectory admins,
            ChatViews views) {
        this.assignment = assignment;
        this.departments = departments;
        this.admins = admins;
        this.views = views;
    }

    /** One department's queue, or every department's when none is given; at most {@code limit} chats each. */
    @GetMapping("/queue")
    ApiResponse<List<QueueView>> queue(@RequestParam(required = false) @Nullable String department,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (limit < 1 || limit > 500) {
            throw ParleyException.invalid("limit must be 1 to 500");
        }
        List<String> slugs = department == null || department.isBlank()
                ? departments.list().stream().map(ChatDepartment::slug).toList()
                : List.of(department.strip());
        return ApiResponse.ok(slugs.stream().map(slug -> new QueueView(slug, assignment.mode(slug).slug(),
                assignment.queue(slug, limit).stream()
                        .map(q -> new Waiting(q.position(), views.adminChat(q.chat()))).toList())).toList());
    }

    /** Every admin's open assigned chats and capacity. */
    @GetMapping("/capacity")
    ApiResponse<List<LoadView>> capacities() {
        return ApiResponse.ok(assignment.loads().stream().map(this::view).toList());
    }

    /** Sets an admin's capacity ({@code null} for the default) and drains the queues. */
    @PutMapping(path = "/capacity", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<LoadView> setCapacity(@RequestBody CapacityRequest body) {
        if (body.adminId() == null || body.adminId().isBlank()) {
            throw ParleyException.invalid("adminId is required");
        }
        assignment.setCapacity(body.adminId(), body.capacity());
        String id = body.adminId().strip();
        return ApiResponse.ok(assignment.loads().stream().filter(l -> l.adminId().equals(id)).findFirst()
                .map(this::view).orElseThrow(() -> ParleyException.notFound("admin '" + id + "' is gone")));
    }

    private LoadView view(AdminLoad l) {
        return new LoadView(l.adminId(), admins.find(l.adminId()).map(Admin::name).orElse(l.adminId()),
                l.openChats(), l.capacity());
    }

    /**
     * A department's queue.
     *
     * @param department the department's slug
     * @param mode       manual, round-robin or least-busy
     * @param chats      its chats waiting for an agent, next first
     */
    record QueueView(String department, String mode, List<Waiting> chats) {}

    /**
     * A chat in a queue.
     *
     * @param position its place, 1 for the next
     * @param chat     the chat
     */
    record Waiting(int position, ChatViews.AdminChat chat) {}

    /**
     * An admin's load.
     *
     * @param adminId   the admin's id
     * @param name      their display name
     * @param openChats open chats assigned to them
     * @param capacity  the most they are assigned automatically
     */
    record LoadView(String adminId, String name, int openChats, int capacity) {}

    /**
     * A capacity to set.
     *
     * @param adminId  the admin
     * @param capacity 0 to 1,000; null for the default
     */
    record CapacityRequest(@Nullable String adminId, @Nullable Integer capacity) {}
}
