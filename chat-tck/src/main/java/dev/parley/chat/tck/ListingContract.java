package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.ChatFilter;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatSummary;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.Page;
import dev.parley.chat.PageRequest;
import dev.parley.chat.PostedMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Listing chats for admins: filters, paging, order, and each chat's latest message. */
public abstract class ListingContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected ListingContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private Page<ChatSummary> list(ChatFilter filter, int page, int size) {
        return parley().chats().listChats(filter, new PageRequest(page, size));
    }

    @Test
    void chatsAreListedMostRecentlyActiveFirstWithTheirLatestMessage() {
        PostedMessage a = start("Ada", "Hi");
        clock.advance(Duration.ofSeconds(1));
        PostedMessage b = start("Bo", "Hello");
        clock.advance(Duration.ofSeconds(1));
        ChatMessage answer = reply(a.chat().id(), "alice", "Welcome Ada");

        Page<ChatSummary> page = list(ChatFilter.ALL, 0, 10);

        assertThat(page.items()).extracting(s -> s.chat().id()).containsExactly(a.chat().id(), b.chat().id());
        assertThat(page.items().get(0).lastMessage()).isEqualTo(answer);
        assertThat(page.items().get(1).lastMessage()).isEqualTo(b.message());
        assertThat(page.items().get(0).chat()).isEqualTo(chat(a.chat().id()));
    }

    @Test
    void filtersNarrowTheListAndPagesCoverIt() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            start("Sales " + i, "sales", "Price?");
        }
        PostedMessage resolved = start("Resolved One", "general", "Hi");
        status(resolved.chat().id(), ChatStatus.RESOLVED);

        assertThat(list(new ChatFilter(null, " sales ", null, null, null), 0, 2).total()).isEqualTo(5);
        assertThat(list(new ChatFilter(null, "sales", null, null, null), 2, 2).items()).hasSize(1);
        assertThat(list(new ChatFilter(ChatStatus.RESOLVED, null, null, null, null), 0, 10).items())
                .extracting(s -> s.chat().id()).containsExactly(resolved.chat().id());
        assertThat(list(new ChatFilter(null, null, null, null, "resolved one"), 0, 10).total()).isEqualTo(1);
        assertThat(list(new ChatFilter(null, null, null, null, "PRICE"), 0, 10).total()).isEqualTo(5);
        assertThat(list(new ChatFilter(ChatStatus.CLOSED, null, null, null, null), 0, 10).items()).isEmpty();
        parley().chats().rateChat(resolved.sessionId(), 4, null);
        assertThat(list(new ChatFilter(null, null, null, 4, null), 0, 10).total()).isEqualTo(1);
        assertThat(list(new ChatFilter(null, null, null, 5, null), 0, 10).total()).isZero();
    }

    @Test
    void badFiltersAndPagesAreRefused() {
        assertFails(ErrorCode.VALIDATION, () -> list(new ChatFilter(null, null, null, 6, null), 0, 10), "rating");
        assertFails(ErrorCode.VALIDATION, () -> list(new ChatFilter(null, null, null, null, "t".repeat(201)), 0, 10),
                "text", "200");
        assertFails(ErrorCode.VALIDATION, () -> new PageRequest(-1, 10), "page");
        assertFails(ErrorCode.VALIDATION, () -> new PageRequest(0, 0), "size", "200");
        assertFails(ErrorCode.VALIDATION, () -> new PageRequest(0, 201), "size", "200");
    }
}
