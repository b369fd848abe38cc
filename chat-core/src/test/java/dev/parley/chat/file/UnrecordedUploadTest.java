package dev.parley.chat.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Parley;
import dev.parley.chat.StartChat;
import dev.parley.chat.UploadedFile;
import dev.parley.chat.store.AnalyticsQueries;
import dev.parley.chat.store.ArticleRecords;
import dev.parley.chat.store.ChatRecords;
import dev.parley.chat.store.AssignmentRecords;
import dev.parley.chat.store.CannedResponseRecords;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.DepartmentRecords;
import dev.parley.chat.store.FileRecords;
import dev.parley.chat.store.HoursRecords;
import dev.parley.chat.store.MessageRecords;
import dev.parley.chat.store.OutboxRecords;
import dev.parley.chat.store.PresenceRecords;
import dev.parley.chat.store.Transactions;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the upload cannot be recorded, the object already stored is deleted again. */
class UnrecordedUploadTest {

    @TempDir
    Path dir;

    @Test
    void storedObjectIsDeletedWhenRecordingFails() {
        InMemoryChatStore memory = new InMemoryChatStore();
        String session;
        try (Parley parley = Parley.builder().store(memory).build()) {
            session = parley.chats().startChat(new StartChat("Ann", null, null, null, "Hi")).sessionId();
        }
        LocalFileStorage storage = new LocalFileStorage(dir, "/files");
        DefaultUploadService uploads = new DefaultUploadService(new FailingFilesStore(memory), storage,
                UploadPolicy.DEFAULT, Clock.systemUTC());

        assertThatThrownBy(() -> uploads.upload(session, "a.png", new ByteArrayInputStream(TestFiles.png())))
                .isInstanceOf(IllegalStateException.class).hasMessage("database is gone");
        assertThat(dir.resolve("images")).isEmptyDirectory();
    }

    /** The in-memory store whose file records cannot be written. */
    private static final class FailingFilesStore implements ChatStore {
        private final ChatStore delegate;

        FailingFilesStore(ChatStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public FileRecords files() {
            FileRecords files = delegate.files();
            return new FileRecords() {
                @Override
                public UploadedFile insert(UploadedFile file) {
                    throw new IllegalStateException("database is gone");
                }

                @Override
                public Optional<UploadedFile> findByChatAndUrl(long chatId, String url) {
                    return files.findByChatAndUrl(chatId, url);
                }

                @Override
                public long countByChat(long chatId) {
                    return files.countByChat(chatId);
                }

                @Override
                public long totalBytes() {
                    return files.totalBytes();
                }

                @Override
                public java.util.List<UploadedFile> findUnattachedBefore(java.time.Instant before, int limit) {
                    return files.findUnattachedBefore(before, limit);
                }

                @Override
                public boolean deleteIfUnattached(long id) {
                    return files.deleteIfUnattached(id);
                }
            };
        }

        @Override
        public Transactions transactions() {
            return delegate.transactions();
        }

        @Override
        public ChatRecords chats() {
            return delegate.chats();
        }

        @Override
        public MessageRecords messages() {
            return delegate.messages();
        }

        @Override
        public DepartmentRecords departments() {
            return delegate.departments();
        }

        @Override
        public ArticleRecords articles() {
            return delegate.articles();
        }

        @Override
        public HoursRecords hours() {
            return delegate.hours();
        }

        @Override
        public CannedResponseRecords cannedResponses() {
            return delegate.cannedResponses();
        }

        @Override
        public AssignmentRecords assignment() {
            return delegate.assignment();
        }

        @Override
        public PresenceRecords presence() {
            return delegate.presence();
        }

        @Override
        public OutboxRecords outbox() {
            return delegate.outbox();
        }

        @Override
        public AnalyticsQueries analytics() {
            return delegate.analytics();
        }

        @Override
        public dev.parley.chat.store.EventRecords events() {
            return delegate.events();
        }
    }
}
