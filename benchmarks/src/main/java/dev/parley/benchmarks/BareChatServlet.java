package dev.parley.benchmarks;

import dev.parley.chat.ChatService;
import dev.parley.chat.MessageType;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.spring.web.ApiResponse;
import dev.parley.chat.spring.web.ChatViews;
import dev.parley.chat.spring.web.ParleyWebProperties.Body;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP baseline of the POST benchmark: the least a servlet can do for {@code POST /api/v1/chat} continuing a chat.
 * It reads the same JSON with a Jackson 3 mapper built as Parley's (defaults, the same read bounds), calls the same
 * core method, and writes the same envelope with the same views, on the same server, behind none of Spring MVC's
 * dispatching, argument resolution, content negotiation, interceptors or rate limits.
 */
final class BareChatServlet extends HttpServlet {

    /** Where the benchmark mounts it, next to the API on the same server. */
    static final String PATH = "/bare/chat";

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(Body.DEFAULT.maxSize().toBytes())
                    .maxStringLength(Body.DEFAULT.maxStringLength())
                    .maxNestingDepth(Body.DEFAULT.maxNestingDepth()).build())
            .build()).build();

    private final transient ChatService chats;
    private final transient ChatViews views;

    BareChatServlet(ChatService chats, ChatViews views) {
        this.chats = chats;
        this.views = views;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Continue body = MAPPER.readValue(request.getInputStream(), Continue.class);
        PostedMessage posted = chats.postVisitorMessage(new VisitorMessage(body.sessionId(), body.message(),
                body.messageType(), null));
        response.setStatus(200);
        response.setContentType("application/json");
        MAPPER.writeValue(response.getOutputStream(), ApiResponse.ok(new Posted(posted.sessionId(),
                views.visitorChat(posted.chat()), views.visitorMessage(posted.message()), posted.adminOnline())));
    }

    /** The fields of a continuing message that the API reads. */
    record Continue(@Nullable String sessionId, @Nullable String message, @Nullable MessageType messageType) {}

    /** The API's answer to a posted message, field for field. */
    record Posted(String sessionId, ChatViews.VisitorChat chat, ChatViews.VisitorMessage message,
            boolean adminOnline) {}
}
