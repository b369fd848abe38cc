package dev.parley.chat.jpa.entity;

import dev.parley.chat.ChatMessage;
import dev.parley.chat.MessageType;
import dev.parley.chat.Sender;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code parley_message}. Its id is the column's default, the next value of the message sequence, taken by
 * the {@code INSERT} itself (which answers it): messages of one chat are inserted while the chat row is locked, so ids
 * increase with insertion order even across application nodes, which the "messages after id" cursor relies on, and no
 * extra round trip fetches the id first.
 */
@Entity(name = "ParleyMessage")
@Table(name = "parley_message")
public class MessageEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The chat, so that Hibernate inserts a new chat before its rows when it orders a batch. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "chat_id", nullable = false)
    private ChatEntity chat;
    @Column(name = "chat_id", nullable = false, insertable = false, updatable = false)
    private long chatId;
    @Column(name = "sender", nullable = false, length = 16)
    private String sender;
    @Column(name = "sender_id", length = 200)
    private @Nullable String senderId;
    @Column(name = "message", nullable = false)
    private String message;
    @Column(name = "message_type", nullable = false, length = 16)
    private String messageType;
    @Column(name = "file_url", length = 2048)
    private @Nullable String fileUrl;
    @Column(name = "file_name", length = 255)
    private @Nullable String fileName;
    @Column(name = "file_size")
    private @Nullable Long fileSize;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "read_at")
    private @Nullable Instant readAt;

    /** For JPA. */
    protected MessageEntity() {}

    /** A new row holding the message of the chat (a reference; its id is assigned on persist). */
    public static MessageEntity of(ChatMessage m, ChatEntity chat) {
        MessageEntity e = new MessageEntity();
        e.chat = chat;
        e.chatId = m.chatId();
        e.sender = m.sender().name();
        e.senderId = m.senderId();
        e.message = m.message();
        e.messageType = m.messageType().name();
        e.fileUrl = m.fileUrl();
        e.fileName = m.fileName();
        e.fileSize = m.fileSize();
        e.createdAt = m.createdAt();
        e.readAt = m.readAt();
        return e;
    }

    /** The store-assigned id. */
    public Long getId() {
        return id;
    }

    /** The chat the message belongs to. */
    public long getChatId() {
        return chatId;
    }

    /** Who wrote it. */
    public Sender getSender() {
        return Sender.valueOf(sender);
    }

    /** When it was read, if it was. */
    public @Nullable Instant getReadAt() {
        return readAt;
    }

    /** The message this row holds. */
    public ChatMessage toRecord() {
        return new ChatMessage(id, chatId, Sender.valueOf(sender), senderId, message, MessageType.valueOf(messageType),
                fileUrl, fileName, fileSize, createdAt, readAt);
    }
}
