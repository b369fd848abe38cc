package dev.parley.chat.spring.web;

import dev.parley.chat.ChatService;
import dev.parley.chat.MessageCursor;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.SessionIds;
import dev.parley.chat.StartChat;
import dev.parley.chat.Transcript;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.assignment.AssignmentService;
import dev.parley.chat.department.DepartmentService;
import dev.parley.chat.file.StoredFile;
import dev.parley.chat.file.UploadService;
import dev.parley.chat.knowledge.KnowledgeBase;
import dev.parley.chat.presence.PresenceTracker;
import dev.parley.chat.spring.web.Requests.ChatRequest;
import dev.parley.chat.spring.web.Requests.RateRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The public endpoints of a visitor; the session id is the visitor's only credential. */
@RestController
@RequestMapping(path = "/api/v1/chat", produces = MediaType.APPLICATION_JSON_VALUE)
final class VisitorChatController {

    private static final int DEFAULT_SEARCH_LIMIT = 10;

    private final ChatService chats;
    private final PresenceTracker presence;
    private final UploadService uploads;
    private final KnowledgeBase knowledgeBase;
    private final DepartmentService departments;
    private final ChatViews views;
    private final ParleyRateLimits limits;
    private final AssignmentService assignment;

    VisitorChatController(ChatService chats, PresenceTracker presence, UploadService uploads,
            KnowledgeBase knowledgeBase, DepartmentService departments, ChatViews views, ParleyRateLimits limits,
            AssignmentService assignment) {
        this.chats = chats;
        this.presence = presence;
        this.uploads = uploads;
        this.knowledgeBase = knowledgeBase;
        this.departments = departments;
        this.views = views;
        this.limits = limits;
        this.assignment = assignment;
    }

    /** Starts a chat, or continues one when the body has a {@code sessionId}. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<Posted> post(@RequestBody ChatRequest body, HttpServletRequest request) {
        PostedMessage posted;
        if (body.continues()) {
            String session = SessionIds.require(body.sessionId());
            limits.message(session, () -> existingSession(session));
            posted = chats.postVisitorMessage(new VisitorMessage(session, body.message(),
                    body.messageType(), body.attachment()));
        } else {
            limits.chatStart(request.getRemoteAddr());
            posted = chats.startChat(new StartChat(body.visitorName(), body.visitorEmail(), body.visitorPhone(),
                    body.department(), body.message(), Boolean.TRUE.equals(body.emailReplies())));
        }
        return ApiResponse.ok(new Posted(posted.sessionId(), views.visitorChat(posted.chat()),
                views.visitorMessage(posted.message()), posted.adminOnline()));
    }

    /** The chat's messages (after a message id or time) and its status. */
    @GetMapping
    ApiResponse<Read> read(@RequestParam(required = false) @Nullable String sessionId,
            @RequestParam(required = false) @Nullable String after) {
        Transcript t = chats.readChat(sessionId, Cursors.after(after));
        OptionalInt position = assignment.position(t.chat());
        return ApiResponse.ok(new Read(views.visitorChat(t.chat()), t.status().name(),
                t.messages().stream().map(views::visitorMessage).toList(),
                presence.anyOnline(t.chat().department()), position.isPresent() ? position.getAsInt() : null));
    }

    /** Uploads a file to the chat of the session; attach it to a message with the answered url. */
    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ApiResponse<StoredFile> upload(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String sessionId, HttpServletRequest request)
            throws IOException {
        String session = existingSession(sessionId);
        limits.message(session);
        limits.uploadBytes(request.getRemoteAddr(), file.getSize());
        try (InputStream in = file.getInputStream()) {
            return ApiResponse.ok(uploads.upload(session, file.getOriginalFilename(), in));
        }
    }

    /**
     * The session id of an existing chat: 400 when blank, 404 when it cannot be or is not one. Checked before a
     * rate-limit token is taken, so only real callers are counted.
     */
    private String existingSession(@Nullable String sessionId) {
        String session = SessionIds.require(sessionId);
        chats.readChat(session, new MessageCursor.AfterId(Long.MAX_VALUE)); // 404 for an unknown id, reads no text
        return session;
    }

    /** Rates the visitor's resolved or closed chat. */
    @PostMapping(path = "/rate", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<Rated> rate(@RequestBody RateRequest body) {
        var chat = chats.rateChat(body.sessionId(), Requests.required(body.rating(), "rating"), body.comment());
        return ApiResponse.ok(new Rated(chat.rating(), chat.ratingComment(), chat.status().name()));
    }

    /** Searches published articles, best match first; or opens one by {@code slug}. */
    @GetMapping("/knowledge-base")
    ApiResponse<?> knowledgeBase(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String slug,
            @RequestParam(required = false) @Nullable Integer limit) {
        if (slug != null && !slug.isBlank()) {
            return ApiResponse.ok(CatalogViews.article(knowledgeBase.open(slug.strip())));
        }
        List<CatalogViews.Article> found = knowledgeBase.search(q == null ? "" : q,
                limit == null ? DEFAULT_SEARCH_LIMIT : limit).stream().map(CatalogViews::article).toList();
        return ApiResponse.ok(new Search(q == null ? "" : q.strip(), found, found.size()));
    }

    /** The departments a visitor can choose. */
    @GetMapping("/departments")
    ApiResponse<List<CatalogViews.PublicDepartment>> departments() {
        return ApiResponse.ok(departments.listActive().stream().map(CatalogViews::publicDepartment).toList());
    }

    /**
     * The answer to a visitor's message.
     *
     * @param sessionId   the visitor's credential; keep it
     * @param chat        the chat
     * @param message     the stored message
     * @param adminOnline whether an admin of the chat's department is online now
     */
    record Posted(String sessionId, ChatViews.VisitorChat chat, ChatViews.VisitorMessage message,
            boolean adminOnline) {}

    /**
     * What a visitor reads.
     *
     * @param chat        the chat
     * @param status      its status
     * @param messages    messages, oldest first
     * @param adminOnline whether an admin of the chat's department is online now
     * @param position    the chat's place in its department's queue (1 is next); null once it has an agent or is
     *                    resolved
     */
    record Read(ChatViews.VisitorChat chat, String status, List<ChatViews.VisitorMessage> messages,
            boolean adminOnline, @Nullable Integer position) {}

    /**
     * Search results.
     *
     * @param query    the query
     * @param articles matching published articles, best first
     * @param count    how many
     */
    record Search(String query, List<CatalogViews.Article> articles, int count) {}

    /**
     * A stored rating.
     *
     * @param rating        1 to 5
     * @param ratingComment the comment
     * @param status        the chat's status
     */
    record Rated(@Nullable Integer rating, @Nullable String ratingComment, String status) {}
}
