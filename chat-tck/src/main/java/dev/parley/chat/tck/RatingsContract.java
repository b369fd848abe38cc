package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.event.ChatEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Ratings: 1 to 5, once, only on RESOLVED or CLOSED chats, with a trimmed and bounded comment. */
public abstract class RatingsContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected RatingsContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private PostedMessage resolvedChat() {
        PostedMessage posted = start("Ada", "Hi");
        status(posted.chat().id(), ChatStatus.RESOLVED);
        return posted;
    }

    @Test
    void aResolvedChatIsRatedWithATrimmedComment() {
        PostedMessage posted = resolvedChat();
        clock.advance(Duration.ofSeconds(12));
        events.clear();

        Chat rated = parley().chats().rateChat(posted.sessionId(), 5, "  Quick and friendly!  ");

        assertThat(rated.rating()).isEqualTo(5);
        assertThat(rated.ratingComment()).isEqualTo("Quick and friendly!");
        assertThat(rated.updatedAt()).isEqualTo(T0.plusSeconds(12));
        assertThat(chat(posted.chat().id())).isEqualTo(rated);
        assertThat(events.of(ChatEvent.ChatRated.class)).singleElement()
                .satisfies(e -> assertThat(e.chat()).isEqualTo(rated));
    }

    @Test
    void aClosedChatCanBeRated() {
        PostedMessage posted = start("Ada", "Hi");
        status(posted.chat().id(), ChatStatus.CLOSED);
        assertThat(parley().chats().rateChat(posted.sessionId(), 1, null).rating()).isEqualTo(1);
    }

    @Test
    void anOpenChatCannotBeRated() {
        PostedMessage waiting = start("Ada", "Hi");
        assertFails(ErrorCode.CONFLICT, () -> parley().chats().rateChat(waiting.sessionId(), 4, null),
                "RESOLVED or CLOSED", "WAITING");
        status(waiting.chat().id(), ChatStatus.ACTIVE);
        assertFails(ErrorCode.CONFLICT, () -> parley().chats().rateChat(waiting.sessionId(), 4, null), "ACTIVE");
        assertThat(chat(waiting.chat().id()).rating()).isNull();
    }

    @Test
    void aChatIsRatedOnlyOnce() {
        PostedMessage posted = resolvedChat();
        parley().chats().rateChat(posted.sessionId(), 2, "meh");
        assertFails(ErrorCode.CONFLICT, () -> parley().chats().rateChat(posted.sessionId(), 5, "changed my mind"),
                "already rated");
        assertThat(chat(posted.chat().id()).rating()).isEqualTo(2);
        assertThat(chat(posted.chat().id()).ratingComment()).isEqualTo("meh");
    }

    @Test
    void aRatingSurvivesReopeningAndStillCountsOnce() {
        PostedMessage posted = resolvedChat();
        parley().chats().rateChat(posted.sessionId(), 3, null);
        visitor(posted.sessionId(), "Actually, one more thing");
        status(posted.chat().id(), ChatStatus.RESOLVED);
        assertThat(chat(posted.chat().id()).rating()).isEqualTo(3);
        assertFails(ErrorCode.CONFLICT, () -> parley().chats().rateChat(posted.sessionId(), 5, null));
    }

    @Test
    void theRatingIsBetweenOneAndFive() {
        PostedMessage posted = resolvedChat();
        assertFails(ErrorCode.VALIDATION, () -> parley().chats().rateChat(posted.sessionId(), 0, null),
                "rating", "between 1 and 5", "0");
        assertFails(ErrorCode.VALIDATION, () -> parley().chats().rateChat(posted.sessionId(), 6, null),
                "rating", "6");
        assertThat(chat(posted.chat().id()).rating()).isNull();
        for (int r = 1; r <= 5; r++) {
            PostedMessage other = resolvedChat();
            assertThat(parley().chats().rateChat(other.sessionId(), r, null).rating()).isEqualTo(r);
        }
    }

    @Test
    void theCommentIsBounded() {
        PostedMessage posted = resolvedChat();
        assertFails(ErrorCode.VALIDATION,
                () -> parley().chats().rateChat(posted.sessionId(), 4, "c".repeat(1_001)), "comment", "1000");
        assertThat(chat(posted.chat().id()).rating()).isNull();

        Chat rated = parley().chats().rateChat(posted.sessionId(), 4, "  " + "c".repeat(1_000) + "\n ");
        assertThat(rated.ratingComment()).hasSize(1_000);
    }

    @Test
    void aBlankCommentIsNoComment() {
        PostedMessage posted = resolvedChat();
        assertThat(parley().chats().rateChat(posted.sessionId(), 4, "   ").ratingComment()).isNull();
    }
}
