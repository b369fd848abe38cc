package dev.parley.chat.notification;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.OutboxItem;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.store.OutboxRecords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes notifications to the outbox, inside the caller's transaction; decides who gets what and batches offline
 * messages per chat and window. Nothing is sent here.
 */
public final class NotificationRecorder {

    private static final Logger log = LoggerFactory.getLogger(NotificationRecorder.class);

    private final OutboxRecords outbox;
    private final AdminDirectory admins;
    private final Clock clock;
    private final Duration offlineBatchWindow;
    private final int visitorEmailsPerDay;
    private final NotificationCodec codec = new NotificationCodec();

    /** Creates the recorder, with the default cap of emails per visitor address and day. */
    public NotificationRecorder(OutboxRecords outbox, AdminDirectory admins, Clock clock, Duration offlineBatchWindow) {
        this(outbox, admins, clock, offlineBatchWindow, ParleySettings.DEFAULT_VISITOR_EMAILS_PER_DAY);
    }

    /** Creates the recorder; at most {@code visitorEmailsPerDay} emails go to one visitor address in 24 hours. */
    public NotificationRecorder(OutboxRecords outbox, AdminDirectory admins, Clock clock, Duration offlineBatchWindow,
            int visitorEmailsPerDay) {
        this.outbox = outbox;
        this.admins = admins;
        this.clock = clock;
        this.offlineBatchWindow = offlineBatchWindow;
        this.visitorEmailsPerDay = visitorEmailsPerDay;
    }

    /** Every admin serving the department who has an email, then the department's own address. */
    public List<String> staffRecipients(String department, @Nullable String departmentEmail) {
        Set<String> to = new LinkedHashSet<>();
        for (Admin a : admins.all()) {
            if (a.email() != null && a.serves(department)) {
                to.add(a.email());
            }
        }
        if (departmentEmail != null) {
            to.add(departmentEmail);
        }
        return List.copyOf(to);
    }

    /** Records the new-chat email to staff. */
    public void newChat(Chat chat, ChatMessage first, ChatDepartment department) {
        List<String> to = staffRecipients(chat.department(), department.email());
        if (to.isEmpty()) {
            log.warn("Chat {} started but no admin or department has an email address; nobody is notified",
                    chat.id());
            return;
        }
        record(new NewChatNotification(to, chat.id(), chat.visitorName(), chat.visitorEmail(),
                chat.visitorPhone(), chat.department(), department.name(), first.message(), chat.createdAt()),
                null, clock.instant());
    }

    /**
     * Adds a message sent while no admin was online to the chat's pending batch, or opens a new batch due after the
     * window. A batch lists at most {@value OfflineMessagesNotification#MAX_LINES} messages and counts the rest, so
     * each message costs the same however many came before it in the window.
     */
    public void offlineMessage(Chat chat, ChatMessage message, @Nullable String departmentEmail) {
        var line = new OfflineMessagesNotification.Line(message.id(), message.message(), message.createdAt());
        String key = "offline:" + chat.id();
        Optional<OutboxItem> pending = outbox.findUnclaimed(key);
        if (pending.isPresent()) {
            var batch = (OfflineMessagesNotification) codec.decode(pending.get().kind(), pending.get().payload());
            if (outbox.replacePayloadIfUnclaimed(pending.get().id(), codec.encode(batch.plus(line)))) {
                return;
            }
        }
        List<String> to = staffRecipients(chat.department(), departmentEmail);
        if (to.isEmpty()) {
            log.warn("Chat {} has offline messages but nobody has an email address to tell", chat.id());
            return;
        }
        record(new OfflineMessagesNotification(to, chat.id(), chat.visitorName(), chat.visitorEmail(),
                chat.department(), List.of(line)), key, clock.instant().plus(offlineBatchWindow));
    }

    /**
     * Records the email telling a waiting visitor that an agent is available: only when the visitor asked for replies
     * by email ({@link Chat#visitorEmailReplies()}), and at most {@code visitorEmailsPerDay} emails to one address in
     * 24 hours (counted in the outbox, so the cap holds across nodes sharing the store).
     */
    public void agentAvailable(Chat chat) {
        String email = chat.visitorEmail();
        if (email == null || !chat.visitorEmailReplies()) {
            return;
        }
        String key = visitorMailKey(email);
        Instant now = clock.instant();
        if (outbox.countByKeySince(key, now.minus(Duration.ofDays(1))) >= visitorEmailsPerDay) {
            log.info("Chat {}: its visitor's address already got {} email(s) in 24 hours; no more are sent",
                    chat.id(), visitorEmailsPerDay);
            return;
        }
        record(new AgentAvailableNotification(List.of(email), chat.id(), chat.visitorName(), chat.department()),
                key, now);
    }

    /** The outbox key of every email to one visitor address: a hash of it, so the key is short and case-blind. */
    static String visitorMailKey(String email) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "visitor-mail:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private void record(Notification n, @Nullable String key, Instant due) {
        outbox.insert(OutboxItem.pending(codec.kind(n), key, codec.encode(n), clock.instant(), due));
    }
}
