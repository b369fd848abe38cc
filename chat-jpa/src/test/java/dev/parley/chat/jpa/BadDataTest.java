package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.KnowledgeBaseArticle;
import dev.parley.chat.MessageType;
import dev.parley.chat.OutboxItem;
import dev.parley.chat.ParleyException;
import dev.parley.chat.Sender;
import dev.parley.chat.UploadedFile;
import dev.parley.chat.jpa.schema.DatabaseKind;
import dev.parley.chat.store.ChatStore;
import java.sql.SQLException;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Data the database refuses comes back as the core's typed errors, never as a raw persistence exception. */
class BadDataTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    private static Chat chat(String session) {
        return Chat.builder().sessionId(session).visitorName("Ada").createdAt(T0).build();
    }

    private static ParleyException fails(ErrorCode code, ThrowingCallable call) {
        ParleyException e = catchThrowableOfType(ParleyException.class, call);
        assertThat(e).as("a ParleyException").isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aStringLongerThanItsColumnIsAValidationError(DatabaseKind kind) {
        ChatStore store = TestDatabases.of(kind).emptyStore();
        String secret = "x".repeat(101) + "SECRET";

        ParleyException e = fails(ErrorCode.VALIDATION,
                () -> store.chats().insert(chat("a".repeat(32)).edit().visitorName(secret).build()));

        assertThat(e.getMessage()).contains("longer than").doesNotContain("SECRET");
        assertThat(e).hasRootCauseInstanceOf(SQLException.class);
        fails(ErrorCode.VALIDATION, () -> store.departments().insert(
                new ChatDepartment(0, "Long", "s".repeat(51), null, null, true, 0)));
        fails(ErrorCode.VALIDATION, () -> store.presence().upsert(
                new AdminPresence("u".repeat(201), true, T0, null, null)));
        assertThat(store.chats().findBySessionId("a".repeat(32))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aValueOutsideTheAllowedRangeIsAValidationError(DatabaseKind kind) {
        ChatStore store = TestDatabases.of(kind).emptyStore();
        fails(ErrorCode.VALIDATION, () -> store.chats().insert(chat("b".repeat(32)).edit().rating(9).build()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aReferenceToAnUnknownChatIsNotFound(DatabaseKind kind) {
        ChatStore store = TestDatabases.of(kind).emptyStore();
        long unknown = 987_654_321L;

        fails(ErrorCode.NOT_FOUND, () -> store.messages().insert(new ChatMessage(0, unknown, Sender.VISITOR, null,
                "hi", MessageType.TEXT, null, null, null, T0, null)));
        fails(ErrorCode.NOT_FOUND, () -> store.files().insert(new UploadedFile(0, unknown, "/f/x.png", "x.png",
                "x.png", 1, "image/png", T0)));
        fails(ErrorCode.NOT_FOUND, () -> store.chats().update(chat("c".repeat(32)).edit().id(unknown).build()));
        fails(ErrorCode.NOT_FOUND, () -> store.departments().update(
                new ChatDepartment(unknown, "Nope", "nope", null, null, true, 0)));
        fails(ErrorCode.NOT_FOUND, () -> store.articles().update(new KnowledgeBaseArticle(unknown, "T", "nope", "c",
                null, null, true, 0, 0, T0, T0)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDuplicateSessionIdIsAConflictAlsoWhenOnlyTheCommitFindsIt(DatabaseKind kind) {
        ChatStore store = TestDatabases.of(kind).emptyStore();
        store.chats().insert(chat("d".repeat(32)));

        ParleyException outside = fails(ErrorCode.CONFLICT, () -> store.chats().insert(chat("d".repeat(32))));
        ParleyException atCommit = fails(ErrorCode.CONFLICT, () -> store.transactions().run(() -> {
            store.chats().insert(chat("e".repeat(32)));
            store.chats().insert(chat("d".repeat(32)));
            store.outbox().insert(OutboxItem.pending("NEW_CHAT", null, "{}", T0, T0));
        }));

        assertThat(outside.getMessage()).isEqualTo("a chat with this session id exists");
        assertThat(atCommit.getMessage()).isEqualTo("a chat with this session id exists");
        assertThat(store.chats().findBySessionId("e".repeat(32))).as("rolled back").isEmpty();
        assertThat(store.outbox().countByStatus().values()).allMatch(n -> n == 0);
    }
}
