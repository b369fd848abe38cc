package dev.parley.chat.jpa.entity;

import dev.parley.chat.UploadedFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code parley_uploaded_file}: a file uploaded to a chat. */
@Entity(name = "ParleyUploadedFile")
@Table(name = "parley_uploaded_file")
public class UploadedFileEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parley_uploaded_file_seq")
    @SequenceGenerator(name = "parley_uploaded_file_seq", sequenceName = "parley_uploaded_file_seq",
            allocationSize = 50)
    private Long id;

    /** The chat, so that Hibernate inserts a new chat before its rows when it orders a batch. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "chat_id", nullable = false)
    private ChatEntity chat;
    @Column(name = "chat_id", nullable = false, insertable = false, updatable = false)
    private long chatId;
    @Column(name = "url", nullable = false, length = 2048)
    private String url;
    @Column(name = "public_id", nullable = false, length = 500)
    private String publicId;
    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;
    @Column(name = "file_size", nullable = false)
    private long fileSize;
    @Column(name = "file_type", nullable = false, length = 100)
    private String fileType;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** For JPA. */
    protected UploadedFileEntity() {}

    /** A new row holding the record of the chat (a reference; its id is assigned on persist). */
    public static UploadedFileEntity of(UploadedFile f, ChatEntity chat) {
        UploadedFileEntity e = new UploadedFileEntity();
        e.chat = chat;
        e.chatId = f.chatId();
        e.url = f.url();
        e.publicId = f.publicId();
        e.fileName = f.fileName();
        e.fileSize = f.fileSize();
        e.fileType = f.fileType();
        e.createdAt = f.createdAt();
        return e;
    }

    /** The record this row holds. */
    public UploadedFile toRecord() {
        return new UploadedFile(id, chatId, url, publicId, fileName, fileSize, fileType, createdAt);
    }
}
