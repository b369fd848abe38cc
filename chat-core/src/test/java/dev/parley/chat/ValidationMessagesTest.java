package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.Parley;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.analytics.AnalyticsQuery;
import dev.parley.chat.department.DepartmentDraft;
import dev.parley.chat.knowledge.ArticleDraft;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every refusal names the field or the state and says what to do instead; the exact texts are pinned here. */
class ValidationMessagesTest {

    private final Parley parley = Parley.builder().store(new InMemoryChatStore())
            .clock(Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC))
            .admins(AdminDirectory.of(List.of(new Admin("alice", "Alice", null, "agent", Set.of()))))
            .build();
    private final ChatService chats = parley.chats();

    @AfterEach
    void close() {
        parley.close();
    }

    private static String refusal(ErrorCode code, ThrowingCallable call) {
        ParleyException e = catchThrowableOfType(ParleyException.class, call);
        assertThat(e).as("a ParleyException").isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e.getMessage();
    }

    private static String invalid(ThrowingCallable call) {
        return refusal(ErrorCode.VALIDATION, call);
    }

    private static StartChat start(String name, String email, String phone, String department, String message) {
        return new StartChat(name, email, phone, department, message);
    }

    @Test
    void startingAChat() {
        assertThat(invalid(() -> chats.startChat(start(null, null, null, null, "Hi"))))
                .isEqualTo("visitorName is required");
        assertThat(invalid(() -> chats.startChat(start("n".repeat(101), null, null, null, "Hi"))))
                .isEqualTo("visitorName must be at most 100 characters, was 101");
        assertThat(invalid(() -> chats.startChat(start("Ada\nBcc", null, null, null, "Hi"))))
                .isEqualTo("visitorName must be a single line without control characters");
        assertThat(invalid(() -> chats.startChat(start("Ada", "ada@", null, null, "Hi"))))
                .isEqualTo("visitorEmail 'ada@' is not a valid email address");
        assertThat(invalid(() -> chats.startChat(start("Ada", null, "ring me", null, "Hi"))))
                .isEqualTo("visitorPhone must be a phone number: at least 5 digits, with only digits, spaces and"
                        + " + ( ) - . /");
        assertThat(invalid(() -> chats.startChat(start("Ada", null, null, null, " "))))
                .isEqualTo("message is required");
        assertThat(invalid(() -> chats.startChat(start("Ada", null, null, null, "m".repeat(5_001)))))
                .isEqualTo("message must be at most 5000 characters, was 5001");
        assertThat(invalid(() -> chats.startChat(start("Ada", null, null, "salez", "Hi"))))
                .isEqualTo("department 'salez' does not exist; choose one of [general, sales, technical, finance]");
    }

    @Test
    void continuingRatingAndUpdatingAChat() {
        PostedMessage posted = chats.startChat(start("Ada", null, null, null, "Hi"));
        long id = posted.chat().id();

        assertThat(invalid(() -> chats.postVisitorMessage(new VisitorMessage(null, "Hi", null, null))))
                .isEqualTo("sessionId is required");
        assertThat(refusal(ErrorCode.NOT_FOUND, () -> chats.postVisitorMessage(
                VisitorMessage.text("x".repeat(32), "Hi")))).isEqualTo("no chat has this session id; start a new chat");
        assertThat(invalid(() -> chats.postVisitorMessage(new VisitorMessage(posted.sessionId(), "",
                MessageType.IMAGE, null)))).isEqualTo(
                "messageType IMAGE needs a fileUrl: upload the file to this chat first and send the url it answers");
        assertThat(invalid(() -> chats.postVisitorMessage(new VisitorMessage(posted.sessionId(), "",
                MessageType.IMAGE, new Attachment("/elsewhere.png", "x.png", 1))))).isEqualTo(
                "fileUrl was not uploaded to this chat; upload the file first and use the url it answers");
        assertThat(refusal(ErrorCode.CONFLICT, () -> chats.rateChat(posted.sessionId(), 5, null)))
                .isEqualTo("a chat can be rated once it is RESOLVED or CLOSED; this one is WAITING");
        assertThat(invalid(() -> chats.rateChat(posted.sessionId(), 7, null)))
                .isEqualTo("rating must be between 1 and 5, was 7");
        assertThat(invalid(() -> chats.rateChat(posted.sessionId(), 5, "c".repeat(1_001))))
                .isEqualTo("comment must be at most 1000 characters, was 1001");
        assertThat(invalid(() -> chats.updateChat(new ChatUpdate(id, null, null, null, false))))
                .isEqualTo("nothing to update: give status, department, assignedTo or unassign");
        assertThat(invalid(() -> chats.updateChat(ChatUpdate.assign(id, "zed"))))
                .isEqualTo("assignedTo 'zed' is not an admin; known: [alice]");
        assertThat(refusal(ErrorCode.FORBIDDEN, () -> chats.postAdminMessage(AdminMessage.text(id, "zed", "Hi"))))
                .isEqualTo("'zed' is not an admin of this application");
        chats.updateChat(ChatUpdate.status(id, ChatStatus.CLOSED));
        assertThat(refusal(ErrorCode.CONFLICT, () -> chats.updateChat(ChatUpdate.status(id, ChatStatus.ACTIVE))))
                .isEqualTo("chat " + id + " is CLOSED and cannot become ACTIVE; allowed: []");
        assertThat(refusal(ErrorCode.CONFLICT, () -> chats.postVisitorMessage(
                VisitorMessage.text(posted.sessionId(), "Hi")))).isEqualTo(
                "this chat is closed and takes no new messages; start a new chat");
        assertThat(refusal(ErrorCode.NOT_FOUND, () -> chats.getChat(4_711))).isEqualTo("chat 4711 does not exist");
    }

    @Test
    void managingDepartmentsAndArticles() {
        assertThat(invalid(() -> parley.departments().create(new DepartmentDraft("Bad", "Bad Slug", null, null,
                null, null)))).isEqualTo("slug 'Bad Slug' must be 1 to 50 characters of a-z, 0-9 and single"
                        + " hyphens inside (e.g. 'technical-support')");
        assertThat(refusal(ErrorCode.CONFLICT, () -> parley.departments().create(new DepartmentDraft("Selling",
                "sales", null, null, null, null)))).isEqualTo("a department with slug 'sales' exists");
        long general = parley.departments().get("general").id();
        assertThat(refusal(ErrorCode.CONFLICT, () -> parley.departments().delete(general)))
                .isEqualTo("the default department 'general' cannot be deleted");
        chats.startChat(start("Ada", null, null, "sales", "Hi"));
        long sales = parley.departments().get("sales").id();
        assertThat(refusal(ErrorCode.CONFLICT, () -> parley.departments().delete(sales))).isEqualTo(
                "department 'sales' has 1 chats and cannot be deleted; deactivate it instead (isActive: false)");
        assertThat(invalid(() -> parley.knowledgeBase().create(new ArticleDraft("Title", null, null, null, null,
                null, null)))).isEqualTo("content is required");
        assertThat(invalid(() -> parley.knowledgeBase().search("q", 0))).isEqualTo(
                "limit must be between 1 and 50, was 0");
    }

    @Test
    void presenceReportsAndPaging() {
        assertThat(refusal(ErrorCode.UNAUTHENTICATED, () -> parley.presence().heartbeat(" ",
                Heartbeat.onlineForAll()))).isEqualTo("an admin id is required");
        assertThat(invalid(() -> parley.presence().heartbeat("alice", new Heartbeat(true, "nope", null))))
                .isEqualTo("department 'nope' does not exist; choose one of [general, sales, technical, finance]"
                        + " or none for all");
        assertThat(invalid(() -> new AnalyticsQuery(0, ZoneOffset.UTC)))
                .isEqualTo("days must be between 1 and 365, was 0");
        assertThat(invalid(() -> new PageRequest(0, 500))).isEqualTo("page size must be between 1 and 200, was 500");
        assertThat(invalid(() -> new PageRequest(-1, 10))).isEqualTo("page must be 0 or more, was -1");
    }
}
