package dev.parley.chat.spring.web;

import dev.parley.chat.AdminMessage;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatNote;
import dev.parley.chat.ChatService;
import dev.parley.chat.ChatTransfer;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.PageRequest;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.analytics.AnalyticsCalculator;
import dev.parley.chat.analytics.AnalyticsQuery;
import dev.parley.chat.analytics.AnalyticsReport;
import dev.parley.chat.spring.security.AdminOnly;
import dev.parley.chat.spring.security.AuthenticatedAdmin;
import dev.parley.chat.spring.web.Requests.AdminMessageRequest;
import dev.parley.chat.spring.web.Requests.ChatUpdateRequest;
import dev.parley.chat.spring.web.Requests.NoteRequest;
import dev.parley.chat.spring.web.Requests.TransferRequest;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin endpoints of chats: listing, reading, replying, internal notes, updating, transfers, and the analytics
 * report.
 */
@AdminOnly
@RestController
@RequestMapping(path = "/api/v1/admin/chat", produces = MediaType.APPLICATION_JSON_VALUE)
final class AdminChatController {

    private static final int DEFAULT_PAGE_SIZE = 20;

    private final ChatService chats;
    private final AnalyticsCalculator analytics;
    private final ParleySettings settings;
    private final ChatViews views;

    AdminChatController(ChatService chats, AnalyticsCalculator analytics, ParleySettings settings,
            ChatViews views) {
        this.chats = chats;
        this.analytics = analytics;
        this.settings = settings;
        this.views = views;
    }

    /** Lists chats with filters, paged; with {@code id}, one chat and its messages (after {@code after}). */
    @GetMapping
    ApiResponse<?> list(@RequestParam(required = false) @Nullable Long id,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String assignedTo,
            @RequestParam(required = false) @Nullable Integer rating,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        if (id != null) {
            Chat chat = chats.getChat(id);
            List<ChatMessage> messages = chats.messages(id, Cursors.after(after));
            return ApiResponse.ok(new ChatWithMessages(views.adminChat(chat),
                    messages.stream().map(views::adminMessage).toList()));
        }
        ChatFilter filter = new ChatFilter(Cursors.status(status), department, assignedTo, rating, text);
        return ApiResponse.ok(ChatViews.page(chats.listChats(filter, new PageRequest(page, size)), views::summary));
    }

    /** Sends an admin message to a chat. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<ChatViews.AdminMessage> send(@RequestBody AdminMessageRequest body, AuthenticatedAdmin admin) {
        ChatMessage message = chats.postAdminMessage(new AdminMessage(Requests.required(body.chatId(), "chatId"),
                admin.id(), body.message(), body.messageType(), body.attachment()));
        return ApiResponse.ok(views.adminMessage(message));
    }

    /** Changes a chat's status, department or assignee. */
    @PatchMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<ChatViews.AdminChat> update(@RequestBody ChatUpdateRequest body) {
        Chat chat = chats.updateChat(new ChatUpdate(Requests.required(body.chatId(), "chatId"), body.status(),
                body.department(), body.assignedTo(), Boolean.TRUE.equals(body.unassign())));
        return ApiResponse.ok(views.adminChat(chat));
    }

    /** Adds an internal note (only admins see it; it is no reply) to the chat. */
    @PostMapping(path = "/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<ChatViews.AdminMessage> note(@PathVariable long id, @RequestBody NoteRequest body,
            AuthenticatedAdmin admin) {
        return ApiResponse.ok(views.adminMessage(chats.addNote(new ChatNote(id, admin.id(), body.message()))));
    }

    /** Transfers the chat to another admin, department or both, with an optional internal note. */
    @PostMapping(path = "/{id}/transfer", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<ChatViews.AdminChat> transfer(@PathVariable long id, @RequestBody TransferRequest body,
            AuthenticatedAdmin admin) {
        return ApiResponse.ok(views.adminChat(chats.transferChat(new ChatTransfer(id, admin.id(), body.adminId(),
                body.department(), body.note()))));
    }

    /** The analytics report over the last {@code days} days (1 to 365), in the configured or given time zone. */
    @GetMapping("/analytics")
    ApiResponse<AnalyticsReport> analytics(@RequestParam(defaultValue = "7") int days,
            @RequestParam(required = false) @Nullable String zone) {
        ZoneId z = settings.timeZone();
        if (zone != null && !zone.isBlank()) {
            try {
                z = ZoneId.of(zone.strip());
            } catch (DateTimeException e) {
                throw dev.parley.chat.ParleyException.invalid("parameter 'zone' must be a time zone id such as "
                        + "Europe/Paris or UTC");
            }
        }
        return ApiResponse.ok(analytics.calculate(new AnalyticsQuery(days, z)));
    }

    /**
     * One chat with its messages.
     *
     * @param chat     the chat
     * @param messages its messages, oldest first
     */
    record ChatWithMessages(ChatViews.AdminChat chat, List<ChatViews.AdminMessage> messages) {}
}
