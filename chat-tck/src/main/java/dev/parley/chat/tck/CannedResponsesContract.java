package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.CannedResponse;
import dev.parley.chat.CannedResponse.Scope;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import dev.parley.chat.StartChat;
import dev.parley.chat.canned.CannedResponses;
import dev.parley.chat.canned.CannedResponses.Context;
import dev.parley.chat.canned.CannedResponses.Draft;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Canned responses: the store keeps them exactly and shows each admin everyone's, their departments' and their own;
 * a shortcut is unique within its scope; search ranks shortcut, title, text; variables fill as plain text.
 */
public abstract class CannedResponsesContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected CannedResponsesContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private CannedResponses canned() {
        return parley().cannedResponses();
    }

    private static Draft draft(String shortcut, String title, String text, Scope scope) {
        return new Draft(shortcut, title, text, scope);
    }

    private static List<String> shortcuts(List<CannedResponse> responses) {
        return responses.stream().map(CannedResponse::shortcut).toList();
    }

    private static ErrorCode codeOf(Throwable t) {
        return ((ParleyException) t).code();
    }

    @Test
    void aResponseRoundTripsThroughCreateEditAndDelete() {
        CannedResponse created = canned().create("alice", draft("hello", "Greeting", "Hi {{visitor.name}}!",
                Scope.everyone()));
        assertThat(created.id()).isPositive();
        assertThat(created.createdAt()).isEqualTo(T0);
        assertThat(store().cannedResponses().find(created.id())).contains(created);

        clock.advance(Duration.ofMinutes(5));
        CannedResponse edited = canned().edit("bob", created.id(), draft("hi", "Short greeting", "Hi there",
                Scope.department("sales")));
        assertThat(edited.createdAt()).isEqualTo(T0);
        assertThat(edited.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(store().cannedResponses().find(created.id())).contains(edited);
        assertThat(canned().list("bob")).containsExactly(edited);

        canned().delete("carol", created.id());
        assertThat(store().cannedResponses().find(created.id())).isEmpty();
        assertThat(store().cannedResponses().delete(created.id())).isFalse();
        assertThatThrownBy(() -> canned().delete("carol", created.id()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void eachAdminSeesEveryonesTheirDepartmentsAndTheirOwn() {
        canned().create("alice", draft("all", "For all", "x", Scope.everyone()));
        canned().create("alice", draft("sales", "Sales", "x", Scope.department("sales")));
        canned().create("alice", draft("tech", "Technical", "x", Scope.department("technical")));
        canned().create("alice", draft("mine-a", "Alice's", "x", Scope.admin("alice")));
        canned().create("bob", draft("mine-b", "Bob's", "x", Scope.admin("bob")));

        // Alice serves every department; Bob only sales.
        assertThat(shortcuts(canned().list("alice"))).containsExactly("all", "mine-a", "sales", "tech");
        assertThat(shortcuts(canned().list("bob"))).containsExactly("all", "mine-b", "sales");
        assertThat(shortcuts(canned().list("carol"))).containsExactly("all", "sales", "tech");
        assertThat(shortcuts(store().cannedResponses().visibleTo("nobody", List.of()))).containsExactly("all");
    }

    @Test
    void onlyTheOwnerChangesAPersonalResponseAndNobodyCreatesOneForSomeoneElse() {
        CannedResponse mine = canned().create("alice", draft("mine", "Mine", "x", Scope.admin("alice")));
        assertThatThrownBy(() -> canned().edit("bob", mine.id(), draft("mine", "Bob's now", "x", Scope.admin("bob"))))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> canned().delete("bob", mine.id()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> canned().create("bob", draft("x", "X", "x", Scope.admin("alice"))))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.FORBIDDEN));
        assertThat(store().cannedResponses().find(mine.id())).contains(mine);
    }

    @Test
    void aShortcutIsUniqueWithinItsScopeOnly() {
        CannedResponse first = canned().create("alice", draft("thanks", "Thanks", "Thank you", Scope.everyone()));
        assertThatThrownBy(() -> canned().create("bob", draft("thanks", "Again", "x", Scope.everyone())))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.CONFLICT));
        canned().create("alice", draft("thanks", "Sales thanks", "x", Scope.department("sales")));
        canned().create("alice", draft("thanks", "My thanks", "x", Scope.admin("alice")));
        canned().create("bob", draft("thanks", "Bob's thanks", "x", Scope.admin("bob")));
        CannedResponse other = canned().create("alice", draft("other", "Other", "x", Scope.everyone()));
        assertThatThrownBy(() -> canned().edit("alice", other.id(), draft("thanks", "Other", "x", Scope.everyone())))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.CONFLICT));
        assertThat(store().cannedResponses().find(other.id()).orElseThrow().shortcut()).isEqualTo("other");
        assertThat(store().cannedResponses().find(first.id())).contains(first);
    }

    @Test
    void badInputIsRejectedWithAReason() {
        int max = settings().maxMessageLength();
        List<Draft> bad = List.of(
                draft("Hello", "T", "x", Scope.everyone()),
                draft("", "T", "x", Scope.everyone()),
                draft("a".repeat(31), "T", "x", Scope.everyone()),
                draft("has space", "T", "x", Scope.everyone()),
                draft("ok", " ", "x", Scope.everyone()),
                draft("ok", "t".repeat(101), "x", Scope.everyone()),
                draft("ok", "T", "x".repeat(max + 1), Scope.everyone()),
                draft("ok", "T", "x", Scope.department("no-such-department")));
        for (Draft d : bad) {
            assertThatThrownBy(() -> canned().create("alice", d)).as(d.toString())
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.VALIDATION));
        }
        assertThat(canned().create("alice", draft("a_b-9", "t".repeat(100), "x".repeat(max), Scope.everyone())).id())
                .isPositive();
        assertThat(canned().list("alice")).hasSize(1);
    }

    @Test
    void searchRanksShortcutPrefixThenTitleThenText() {
        canned().create("alice", draft("zz-text", "Other", "Our refund policy is generous", Scope.everyone()));
        canned().create("alice", draft("aa-title", "How refunds work", "See above", Scope.everyone()));
        canned().create("alice", draft("refund", "Refund", "Refunded", Scope.everyone()));
        canned().create("alice", draft("refresh", "Reload", "Press F5", Scope.everyone()));
        canned().create("alice", draft("unrelated", "Hello", "Hi", Scope.everyone()));
        canned().create("bob", draft("refund-bob", "Bob's", "x", Scope.admin("bob")));

        assertThat(shortcuts(canned().search("alice", "/refund"))).containsExactly("refund", "aa-title", "zz-text");
        assertThat(shortcuts(canned().search("alice", "REF"))).containsExactly("refresh", "refund", "aa-title",
                "zz-text");
        assertThat(shortcuts(canned().search("bob", "refund"))).containsExactly("refund", "refund-bob", "aa-title",
                "zz-text");
        assertThat(canned().search("alice", "/")).hasSize(5);
        assertThat(canned().search("alice", "nothing-matches")).isEmpty();
    }

    @Test
    void variablesFillFromTheChatWithFallbacksAsPlainText() {
        CannedResponse r = canned().create("alice", draft("hi", "Hi",
                "Hi {{visitor.name | \"there\"}}, {{agent.name}} from {{ department.name }} here. {{order.id}} $1 \\n",
                Scope.everyone()));
        long chatId = parley().chats().startChat(new StartChat("Ada <b>Lovelace</b> {{agent.name}}", null, null,
                "technical", "Help")).chat().id();

        Context context = canned().contextFor("alice", chatId);
        assertThat(context).isEqualTo(new Context("Ada <b>Lovelace</b> {{agent.name}}", "Alice Agent",
                "Technical Support"));
        assertThat(canned().fill(r, context)).isEqualTo(
                "Hi Ada <b>Lovelace</b> {{agent.name}}, Alice Agent from Technical Support here. {{order.id}} $1 \\n");
        assertThat(canned().fill(r, new Context(null, "Bob", null)))
                .isEqualTo("Hi there, Bob from  here. {{order.id}} $1 \\n");
        assertThatThrownBy(() -> canned().contextFor("alice", chatId + 1000))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void aRolledBackTransactionLeavesNothing() {
        CannedResponse kept = canned().create("alice", draft("kept", "Kept", "x", Scope.everyone()));
        assertThatThrownBy(() -> store().transactions().inTransaction(() -> {
            store().cannedResponses().insert(new CannedResponse(0, "gone", "Gone", "x", Scope.everyone(), T0, T0));
            store().cannedResponses().update(new CannedResponse(kept.id(), "kept", "Changed", "y", Scope.everyone(),
                    T0, T0));
            store().cannedResponses().delete(kept.id());
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(canned().list("alice")).containsExactly(kept);
    }
}
