package dev.parley.chat.spring.sse;

import dev.parley.chat.ChatService;
import dev.parley.chat.MessageCursor;
import dev.parley.chat.Transcript;
import dev.parley.chat.spring.security.AdminOnly;
import dev.parley.chat.spring.security.AuthenticatedAdmin;
import dev.parley.chat.spring.web.StreamLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams: {@code GET /api/v1/chat/stream?sessionId=…} for a visitor and
 * {@code GET /api/v1/admin/chat/stream} for admins (whose token may come as {@code access_token} here, because
 * EventSource cannot send headers).
 */
@RestController
final class ChatStreamController {

    private final ChatStreamHub hub;
    private final ChatService chats;
    private final StreamLimits limits;

    ChatStreamController(ChatStreamHub hub, ChatService chats, StreamLimits limits) {
        this.hub = hub;
        this.chats = chats;
        this.limits = limits;
    }

    /** The visitor's stream: their chat's messages ({@code message}) and status changes ({@code status}). */
    @GetMapping(path = "/api/v1/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter visitor(@RequestParam(required = false) @Nullable String sessionId,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            HttpServletRequest request, HttpServletResponse response) {
        // reading with a cursor past every message checks the session id (404 for anyone else) and returns no text
        Transcript chat = chats.readChat(sessionId, new MessageCursor.AfterId(Long.MAX_VALUE));
        Runnable release = limits.openVisitor(chat.chat().id(), request.getRemoteAddr());
        noBuffering(response);
        return released(release, () -> hub.open(Audience.visitorOf(chat.chat().id()), lastEventId));
    }

    /** The admin stream: chat.started, message, chat.updated, chat.rated and presence events. */
    @AdminOnly(allowQueryToken = true)
    @GetMapping(path = "/api/v1/admin/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter admin(AuthenticatedAdmin admin,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            HttpServletResponse response) {
        Runnable release = limits.openAdmin(admin.id());
        noBuffering(response);
        return released(release, () -> hub.open(Audience.admins(), lastEventId));
    }

    /** Opens the stream and gives its place back when it ends (or could not be opened). */
    private static SseEmitter released(Runnable release, Supplier<SseEmitter> open) {
        try {
            SseEmitter emitter = open.get();
            emitter.onCompletion(release);
            emitter.onTimeout(release);
            emitter.onError(e -> release.run());
            return emitter;
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    private static void noBuffering(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.setHeader("X-Accel-Buffering", "no");
    }
}
