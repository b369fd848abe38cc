package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.PageRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Assigning chats to admins: the admin must exist in the host's directory. */
public abstract class AssignmentContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected AssignmentContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    @Test
    void aChatIsAssignedToAKnownAdmin() {
        long id = start("Ada", "Hi").chat().id();
        clock.advance(Duration.ofSeconds(4));
        Chat assigned = parley().chats().updateChat(ChatUpdate.assign(id, " bob "));

        assertThat(assigned.assignedTo()).isEqualTo("bob");
        assertThat(assigned.updatedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(chat(id).assignedTo()).isEqualTo("bob");
        assertThat(parley().chats().listChats(new ChatFilter(null, null, "bob", null, null), PageRequest.first(5))
                .items()).extracting(s -> s.chat().id()).containsExactly(id);
    }

    @Test
    void anUnknownAssigneeIsRefusedNamingTheKnownAdmins() {
        long id = start("Ada", "Hi").chat().id();
        assertFails(ErrorCode.VALIDATION, () -> parley().chats().updateChat(ChatUpdate.assign(id, "mallory")),
                "mallory", "alice", "bob", "carol");
        assertThat(chat(id).assignedTo()).isNull();
    }

    @Test
    void anUnknownAssigneeRefusesTheWholeUpdate() {
        long id = start("Ada", "Hi").chat().id();
        assertFails(ErrorCode.VALIDATION,
                () -> parley().chats().updateChat(new ChatUpdate(id, ChatStatus.RESOLVED, null, "mallory", false)),
                "mallory");
        assertThat(chat(id).status()).isEqualTo(ChatStatus.WAITING);
    }

    @Test
    void aChatCanBeReassignedAndUnassigned() {
        long id = start("Ada", "Hi").chat().id();
        parley().chats().updateChat(ChatUpdate.assign(id, "alice"));
        assertThat(parley().chats().updateChat(ChatUpdate.assign(id, "carol")).assignedTo()).isEqualTo("carol");
        Chat unassigned = parley().chats().updateChat(new ChatUpdate(id, null, null, null, true));
        assertThat(unassigned.assignedTo()).isNull();
        assertThat(chat(id).assignedTo()).isNull();
    }

    @Test
    void statusAndAssigneeChangeTogether() {
        long id = start("Ada", "Hi").chat().id();
        Chat changed = parley().chats().updateChat(new ChatUpdate(id, ChatStatus.ACTIVE, "sales", "bob", false));
        assertThat(changed.status()).isEqualTo(ChatStatus.ACTIVE);
        assertThat(changed.department()).isEqualTo("sales");
        assertThat(changed.assignedTo()).isEqualTo("bob");
        assertThat(chat(id)).isEqualTo(changed);
    }
}
