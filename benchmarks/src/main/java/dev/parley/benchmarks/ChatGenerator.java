package dev.parley.benchmarks;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatAnalytics;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.MessageType;
import dev.parley.chat.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Makes plausible chats with their messages: spread over the 400 days before {@code now}, four departments, every
 * status, about 40% of resolved chats rated, 1–5 visitor and 0–4 admin messages, per-chat analytics computed by the
 * core's own {@link ChatAnalytics} so that the chat rows agree with their messages. The same id always gives the
 * same chat.
 */
final class ChatGenerator {

    static final List<String> DEPARTMENTS = List.of("general", "sales", "technical", "finance");
    private static final Duration SPAN = Duration.ofDays(400);
    private static final String[] TEXTS = {
        "Hello, I have a question about my order", "Can you help me with the invoice from last month?",
        "The upload does not work in my browser", "Thanks, that solved it!", "Is there a discount for schools?",
        "Let me check that for you", "Could you send me the order number?", "We have fixed the problem"};

    private final Instant now;

    ChatGenerator(Instant now) {
        this.now = now;
    }

    /**
     * A chat and its messages.
     *
     * @param chat     the chat row
     * @param messages its messages, oldest first
     */
    record Generated(Chat chat, List<ChatMessage> messages) {}

    /** The chat with this id; its messages get ids from {@code firstMessageId} on. */
    Generated chat(long id, long firstMessageId) {
        SplittableRandom r = new SplittableRandom(id * 0x9E3779B97F4A7C15L);
        Instant created = now.minusSeconds(1 + r.nextLong(SPAN.getSeconds()));
        String department = DEPARTMENTS.get(r.nextInt(10) < 4 ? 0 : 1 + r.nextInt(3));
        int s = r.nextInt(100);
        ChatStatus status = s < 8 ? ChatStatus.ACTIVE : s < 12 ? ChatStatus.WAITING
                : s < 70 ? ChatStatus.RESOLVED : ChatStatus.CLOSED;
        boolean answered = status != ChatStatus.WAITING && r.nextInt(100) < 85;
        int visitorCount = 1 + r.nextInt(5);
        int adminCount = answered ? 1 + r.nextInt(4) : 0;

        List<ChatMessage> messages = new ArrayList<>(visitorCount + adminCount);
        ChatAnalytics analytics = ChatAnalytics.EMPTY;
        Instant t = created;
        @Nullable Instant firstResponse = null;
        long nextId = firstMessageId;
        int v = 0;
        int a = 0;
        while (v < visitorCount || a < adminCount) {
            boolean visitorTurn = a >= adminCount || (v < visitorCount && (v <= a || r.nextBoolean()));
            if (visitorTurn) {
                messages.add(message(nextId++, id, Sender.VISITOR, null, r, t));
                analytics = analytics.withVisitorMessage(t);
                v++;
            } else {
                messages.add(message(nextId++, id, Sender.ADMIN, "admin-" + r.nextInt(5), r, t));
                analytics = analytics.withAdminMessage(t);
                if (firstResponse == null) {
                    firstResponse = t;
                }
                a++;
            }
            t = t.plusSeconds(5 + r.nextLong(firstResponse == null ? 1_800 : 600));
        }
        Instant resolved = status.isResolved() ? min(t.plusSeconds(60 + r.nextLong(86_400)), now) : null;
        Integer rating = status.isResolved() && r.nextInt(100) < 40 ? rating(r) : null;
        Instant updated = resolved != null ? resolved : analytics.lastMessageAt();
        Chat chat = Chat.builder().id(id).sessionId("gen" + id).visitorName("Visitor " + id)
                .visitorEmail(r.nextBoolean() ? "visitor" + id + "@example.com" : null)
                .department(department).assignedTo(answered ? "admin-" + r.nextInt(5) : null)
                .status(status).createdAt(created).updatedAt(min(updated, now))
                .firstResponseAt(firstResponse)
                .responseTime(firstResponse == null ? null : Chat.seconds(created, firstResponse))
                .resolvedAt(resolved)
                .resolutionTime(resolved == null ? null : Chat.seconds(created, resolved))
                .rating(rating).ratingComment(rating != null && r.nextInt(3) == 0 ? "Comment " + id : null)
                .offlineMessage(status == ChatStatus.WAITING).offlineNotificationSent(status == ChatStatus.WAITING)
                .emailNotificationSent(true).analytics(analytics).build();
        return new Generated(chat, messages);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static int rating(SplittableRandom r) {
        int p = r.nextInt(100);
        return p < 40 ? 5 : p < 70 ? 4 : p < 85 ? 3 : p < 93 ? 2 : 1;
    }

    private static ChatMessage message(long id, long chatId, Sender sender, @Nullable String senderId, SplittableRandom r,
            Instant at) {
        return new ChatMessage(id, chatId, sender, senderId, TEXTS[r.nextInt(TEXTS.length)], MessageType.TEXT, null,
                null, null, at, null);
    }
}
