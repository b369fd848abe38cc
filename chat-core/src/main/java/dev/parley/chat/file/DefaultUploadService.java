package dev.parley.chat.file;

import dev.parley.chat.Chat;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import dev.parley.chat.SessionIds;
import dev.parley.chat.UploadedFile;
import dev.parley.chat.store.ChatStore;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks uploads by content and size, stores them, and records them for their chat.
 *
 * <p>Order: the session's chat must exist, not be CLOSED and be under its upload limit; the file name is sanitised;
 * at most limit + 1 bytes are read; the type is decided from the bytes, must be allowed and agree with the name's
 * extension, and the file must fit the storage quota of all uploads. Only then is the file stored, under a
 * generated name, and recorded in a transaction that checks the chat again; when recording fails the stored object is deleted. Nothing refused reaches the storage.
 */
public final class DefaultUploadService implements UploadService {

    private static final Logger log = LoggerFactory.getLogger(DefaultUploadService.class);

    private final ChatStore store;
    private final FileStorage storage;
    private final UploadPolicy policy;
    private final Clock clock;
    private final FileNames names;

    /** Creates the service; {@code Parley.builder()} wires it for hosts. */
    public DefaultUploadService(ChatStore store, FileStorage storage, UploadPolicy policy, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.names = new FileNames(new SecureRandom());
    }

    @Override
    public StoredFile upload(@Nullable String sessionId, @Nullable String originalName, InputStream content) {
        String session = SessionIds.require(sessionId);
        String sanitized = FileNames.sanitize(originalName);
        long chatId = store.transactions().inTransaction(() -> uploadableChat(session, false).id());
        byte[] bytes = BoundedReader.read(content, policy.maxBytes());
        if (bytes.length == 0) {
            throw ParleyException.invalid("the file is empty");
        }
        FileType type = FileSniffer.detect(bytes);
        if (!policy.allowedTypes().contains(type)) {
            throw new ParleyException(ErrorCode.UNSUPPORTED_TYPE, type + " files are not accepted here; allowed: "
                    + policy.allowedTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
        }
        String fileName = FileNames.agreeing(sanitized, type);
        long used = store.files().totalBytes();
        if (used + bytes.length > policy.maxTotalBytes()) {
            log.warn("Upload refused: the uploads hold {} of their {} bytes quota", used, policy.maxTotalBytes());
            throw new ParleyException(ErrorCode.TOO_LARGE, "the uploads of this service have reached their storage"
                    + " quota; try again later or send the file another way");
        }
        StoredFile stored = storage.store(new FileToStore(chatId, names.generate(type), fileName, type, bytes));
        StoredFile answer = new StoredFile(stored.url(), stored.publicId(), fileName, bytes.length, type.mimeType());
        try {
            store.transactions().run(() -> {
                Chat chat = uploadableChat(session, true);
                store.files().insert(new UploadedFile(0, chat.id(), answer.url(), answer.publicId(), fileName,
                        answer.fileSize(), answer.fileType(), clock.instant()));
            });
        } catch (RuntimeException e) {
            deleteStored(answer.publicId(), e);
            throw e;
        }
        log.info("Chat {} uploaded a {} file of {} bytes as {}", chatId, type, bytes.length, answer.publicId());
        return answer;
    }

    private Chat uploadableChat(String sessionId, boolean lock) {
        Chat chat = (lock ? store.chats().lockBySessionId(sessionId) : store.chats().findBySessionId(sessionId))
                .orElseThrow(SessionIds::unknown);
        if (chat.status() == ChatStatus.CLOSED) {
            throw ParleyException.conflict("this chat is closed and takes no new files; start a new chat");
        }
        long count = store.files().countByChat(chat.id());
        if (count >= policy.maxUploadsPerChat()) {
            throw ParleyException.conflict("this chat already has " + count + " files, the most one chat may upload");
        }
        return chat;
    }

    private void deleteStored(String publicId, RuntimeException cause) {
        try {
            storage.delete(publicId);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            log.warn("Could not delete the unrecorded upload {}; remove it by hand", publicId, e);
        }
    }
}
