package dev.parley.chat.tck;

import static dev.parley.chat.ChatStatus.ACTIVE;
import static dev.parley.chat.ChatStatus.CLOSED;
import static dev.parley.chat.ChatStatus.RESOLVED;
import static dev.parley.chat.ChatStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatService;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.department.DepartmentDraft;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The status lifecycle, the times it records, and other changes admins make to a chat. */
public abstract class ChatLifecycleContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected ChatLifecycleContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private ChatService chats() {
        return parley().chats();
    }

    @Test
    void statusesMoveOnlyAlongTheLifecycle() {
        var allowed = java.util.Map.of(
                ACTIVE, EnumSet.of(ACTIVE, WAITING, RESOLVED, CLOSED),
                WAITING, EnumSet.of(ACTIVE, WAITING, RESOLVED, CLOSED),
                RESOLVED, EnumSet.of(ACTIVE, RESOLVED, CLOSED),
                CLOSED, EnumSet.of(CLOSED));
        SoftAssertions soft = new SoftAssertions();
        for (ChatStatus from : ChatStatus.values()) {
            for (ChatStatus to : ChatStatus.values()) {
                long id = chatIn(from);
                boolean expected = allowed.get(from).contains(to);
                try {
                    Chat changed = status(id, to);
                    soft.assertThat(expected).as("%s -> %s was accepted", from, to).isTrue();
                    soft.assertThat(changed.status()).as("%s -> %s", from, to).isEqualTo(to);
                    soft.assertThat(chat(id).status()).as("%s -> %s stored", from, to).isEqualTo(to);
                } catch (dev.parley.chat.ParleyException e) {
                    soft.assertThat(expected).as("%s -> %s was refused: %s", from, to, e.getMessage()).isFalse();
                    soft.assertThat(e.code()).as("%s -> %s", from, to).isEqualTo(ErrorCode.CONFLICT);
                    soft.assertThat(chat(id).status()).as("%s -> %s left as it was", from, to).isEqualTo(from);
                }
            }
        }
        soft.assertAll();
    }

    /** A chat in the given status, reached by allowed steps. */
    private long chatIn(ChatStatus target) {
        long id = start("Ada", "Hi").chat().id();
        Set<ChatStatus> path = switch (target) {
            case ACTIVE -> EnumSet.of(ACTIVE);
            case WAITING -> EnumSet.noneOf(ChatStatus.class);
            case RESOLVED -> EnumSet.of(RESOLVED);
            case CLOSED -> EnumSet.of(CLOSED);
        };
        path.forEach(s -> status(id, s));
        assertThat(chat(id).status()).isEqualTo(target);
        return id;
    }

    @Test
    void resolvingRecordsWhenAndHowLongItTook() {
        long id = start("Ada", "Hi").chat().id();
        clock.advance(Duration.ofSeconds(90));
        Chat resolved = status(id, RESOLVED);

        assertThat(resolved.resolvedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(resolved.resolutionTime()).isEqualTo(90L);
        assertThat(resolved.updatedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(chat(id)).isEqualTo(resolved);
    }

    @Test
    void closingAResolvedChatKeepsItsResolution() {
        long id = start("Ada", "Hi").chat().id();
        clock.advance(Duration.ofSeconds(30));
        status(id, RESOLVED);
        clock.advance(Duration.ofSeconds(30));
        Chat closed = status(id, CLOSED);

        assertThat(closed.resolvedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(closed.resolutionTime()).isEqualTo(30L);
    }

    @Test
    void closingAnOpenChatRecordsItsResolution() {
        long id = start("Ada", "Hi").chat().id();
        clock.advance(Duration.ofMinutes(2));
        Chat closed = status(id, CLOSED);

        assertThat(closed.resolvedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(closed.resolutionTime()).isEqualTo(120L);
    }

    @Test
    void reopeningClearsTheResolutionUntilTheNextOne() {
        long id = start("Ada", "Hi").chat().id();
        clock.advance(Duration.ofSeconds(10));
        status(id, RESOLVED);
        clock.advance(Duration.ofSeconds(10));
        Chat reopened = status(id, ACTIVE);
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.resolutionTime()).isNull();

        clock.advance(Duration.ofSeconds(10));
        Chat again = status(id, RESOLVED);
        assertThat(again.resolvedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(again.resolutionTime()).isEqualTo(30L);
    }

    @Test
    void aClosedChatTakesNoStatusChangeAndNoMessage() {
        PostedMessage posted = start("Ada", "Hi");
        long id = posted.chat().id();
        Chat closed = status(id, CLOSED);

        assertFails(ErrorCode.CONFLICT, () -> status(id, ACTIVE), "CLOSED");
        assertFails(ErrorCode.CONFLICT, () -> status(id, RESOLVED), "CLOSED");
        assertFails(ErrorCode.CONFLICT, () -> visitor(posted.sessionId(), "hello?"), "closed");
        assertFails(ErrorCode.CONFLICT, () -> reply(id, "alice", "hello?"), "closed");
        assertThat(chat(id)).isEqualTo(closed);
        assertThat(storedMessages(id)).hasSize(1);
    }

    @Test
    void updatingAnUnknownChatIsNotFound() {
        assertFails(ErrorCode.NOT_FOUND, () -> status(987_654, RESOLVED), "987654");
        assertFails(ErrorCode.NOT_FOUND, () -> chats().getChat(987_654), "987654");
    }

    @Test
    void anEmptyUpdateIsRefused() {
        long id = start("Ada", "Hi").chat().id();
        assertFails(ErrorCode.VALIDATION, () -> chats().updateChat(new ChatUpdate(id, null, null, null, false)),
                "status", "department", "assignedTo");
    }

    @Test
    void aChatMovesToAnotherActiveDepartment() {
        long id = start("Ada", "Hi").chat().id();
        clock.advance(Duration.ofSeconds(5));
        Chat moved = chats().updateChat(new ChatUpdate(id, null, " technical ", null, false));

        assertThat(moved.department()).isEqualTo("technical");
        assertThat(moved.status()).isEqualTo(WAITING);
        assertThat(moved.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(chat(id).department()).isEqualTo("technical");

        parley().departments().create(new DepartmentDraft("Dormant", null, null, null, false, 5));
        assertFails(ErrorCode.VALIDATION, () -> chats().updateChat(new ChatUpdate(id, null, "dormant", null, false)),
                "dormant", "inactive");
        assertFails(ErrorCode.VALIDATION, () -> chats().updateChat(new ChatUpdate(id, null, "nope", null, false)),
                "nope", "does not exist");
        assertThat(chat(id).department()).isEqualTo("technical");
    }

    @Test
    void aStatusChangeTogetherWithARefusedDepartmentStoresNothing() {
        long id = start("Ada", "Hi").chat().id();
        assertFails(ErrorCode.VALIDATION,
                () -> chats().updateChat(new ChatUpdate(id, RESOLVED, "nope", null, false)), "nope");
        assertThat(chat(id).status()).isEqualTo(WAITING);
        assertThat(chat(id).resolvedAt()).isNull();
    }
}
