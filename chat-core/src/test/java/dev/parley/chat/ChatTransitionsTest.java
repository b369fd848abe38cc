package dev.parley.chat;

import static dev.parley.chat.ChatStatus.ACTIVE;
import static dev.parley.chat.ChatStatus.CLOSED;
import static dev.parley.chat.ChatStatus.RESOLVED;
import static dev.parley.chat.ChatStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.ChatStatus.Cause;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The status moves as {@link Chat} makes them: every pair by every cause, the resolution and CLOSED. */
class ChatTransitionsTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    private static final Instant LATER = T0.plusSeconds(90);

    /** A chat in the given status; a resolved one resolved 30 seconds after it started. */
    private static Chat chatIn(ChatStatus status) {
        Chat.Builder b = Chat.builder().id(7).sessionId("s".repeat(32)).visitorName("Ada").status(status)
                .createdAt(T0);
        if (status.isResolved()) {
            b.resolvedAt(T0.plusSeconds(30)).resolutionTime(30L);
        }
        return b.build();
    }

    /** The chat after {@code cause} tried to move it to {@code target}. */
    private static Chat move(Chat chat, Cause cause, ChatStatus target) {
        return switch (cause) {
            case VISITOR_WRITES -> {
                if (target != ACTIVE && target != WAITING) {
                    throw new IllegalArgumentException("a visitor's message makes a chat ACTIVE or WAITING");
                }
                yield chat.afterVisitorMessage(LATER, target == ACTIVE);
            }
            case ADMIN_WRITES -> {
                if (target != ACTIVE) {
                    throw new IllegalArgumentException("an admin's message makes a chat ACTIVE");
                }
                yield chat.afterAdminMessage(LATER);
            }
            case ADMIN_SETS -> chat.withStatus(target, LATER);
        };
    }

    private static Set<ChatStatus> reachable(Cause cause) {
        return switch (cause) {
            case VISITOR_WRITES -> EnumSet.of(ACTIVE, WAITING);
            case ADMIN_WRITES -> EnumSet.of(ACTIVE);
            case ADMIN_SETS -> EnumSet.allOf(ChatStatus.class);
        };
    }

    @Test
    void chatMakesExactlyTheMovesTheStatusTableAllows() {
        SoftAssertions soft = new SoftAssertions();
        for (ChatStatus from : ChatStatus.values()) {
            for (Cause cause : Cause.values()) {
                for (ChatStatus to : reachable(cause)) {
                    boolean allowed = from.causes(to).contains(cause)
                            || (from == to && (cause == Cause.ADMIN_SETS || from.takesMessages()));
                    try {
                        Chat moved = move(chatIn(from), cause, to);
                        soft.assertThat(allowed).as("%s -> %s by %s was made", from, to, cause).isTrue();
                        soft.assertThat(moved.status()).as("%s -> %s by %s", from, to, cause).isEqualTo(to);
                        soft.assertThat(moved.updatedAt()).isEqualTo(LATER);
                    } catch (ParleyException e) {
                        soft.assertThat(allowed).as("%s -> %s by %s was refused: %s", from, to, cause,
                                e.getMessage()).isFalse();
                        soft.assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    }
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void aVisitorWritingWhileNobodyIsOnlineReopensAResolvedChatAsWaiting() {
        Chat reopened = chatIn(RESOLVED).afterVisitorMessage(LATER, false);

        assertThat(reopened.status()).isEqualTo(WAITING);
        assertThat(reopened.offlineMessage()).isTrue();
        assertThat(RESOLVED.successors()).contains(WAITING);
        assertThatThrownBy(() -> chatIn(RESOLVED).withStatus(WAITING, LATER))
                .isInstanceOf(ParleyException.ConflictException.class)
                .hasMessage("chat 7 is RESOLVED and cannot become WAITING; allowed: [ACTIVE, CLOSED]");
    }

    @Test
    void everyReopeningClearsTheResolution() {
        for (Chat reopened : new Chat[] {chatIn(RESOLVED).afterVisitorMessage(LATER, true),
                chatIn(RESOLVED).afterVisitorMessage(LATER, false), chatIn(RESOLVED).afterAdminMessage(LATER),
                chatIn(RESOLVED).withStatus(ACTIVE, LATER)}) {
            assertThat(reopened.status().isOpen()).isTrue();
            assertThat(reopened.resolvedAt()).isNull();
            assertThat(reopened.resolutionTime()).isNull();
        }
    }

    @Test
    void resolvingRecordsTheResolutionOnceAndClosingKeepsIt() {
        Chat resolved = chatIn(ACTIVE).withStatus(RESOLVED, LATER);
        assertThat(resolved.resolvedAt()).isEqualTo(LATER);
        assertThat(resolved.resolutionTime()).isEqualTo(90L);

        Chat closed = chatIn(RESOLVED).withStatus(CLOSED, LATER);
        assertThat(closed.resolvedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(closed.resolutionTime()).isEqualTo(30L);
    }

    @Test
    void aClosedChatTakesNoMessageAndNoStatusChange() {
        Chat closed = chatIn(CLOSED);
        for (Runnable attempt : new Runnable[] {() -> closed.afterVisitorMessage(LATER, true),
                () -> closed.afterVisitorMessage(LATER, false), () -> closed.afterAdminMessage(LATER)}) {
            assertThatThrownBy(attempt::run).isInstanceOf(ParleyException.ConflictException.class)
                    .hasMessage("this chat is closed and takes no new messages; start a new chat");
        }
        assertThatThrownBy(() -> closed.withStatus(ACTIVE, LATER))
                .hasMessage("chat 7 is CLOSED and cannot become ACTIVE; allowed: []");
        assertThat(closed.withStatus(CLOSED, LATER).status()).isEqualTo(CLOSED);
    }

    @Test
    void theFirstAdminMessageRecordsTheResponseOnce() {
        Chat answered = chatIn(WAITING).afterAdminMessage(T0.plusSeconds(12));
        assertThat(answered.firstResponseAt()).isEqualTo(T0.plusSeconds(12));
        assertThat(answered.responseTime()).isEqualTo(12L);
        assertThat(answered.afterAdminMessage(LATER).firstResponseAt()).isEqualTo(T0.plusSeconds(12));
    }
}
