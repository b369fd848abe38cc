package dev.parley.chat.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Parley;
import dev.parley.chat.Attachment;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads cannot fill the disk: a storage quota over all uploads, and removal of files never attached. */
class UploadQuotaTest {

    static final Instant UPLOADED = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;
    final InMemoryChatStore store = new InMemoryChatStore();
    Parley parley;

    @AfterEach
    void stop() {
        parley.close();
    }

    @Test
    void anUploadOverTheStorageQuotaIsRefusedAndNotStored() throws IOException {
        byte[] png = TestFiles.png();
        start(UploadPolicy.DEFAULT.withMaxTotalBytes(png.length * 2L + 1));
        String session = session();
        upload(session, png);
        upload(session, png);

        assertThatThrownBy(() -> upload(session, png)).isInstanceOfSatisfying(ParleyException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE);
            assertThat(e.getMessage()).contains("storage quota");
        });
        assertThat(store.files().totalBytes()).isEqualTo(png.length * 2L);
        assertThat(storedFiles()).isEqualTo(2);
    }

    @Test
    void uploadsNeverAttachedAreRemovedAfterTheirAgeAndAttachedOnesKept() throws IOException {
        start(UploadPolicy.DEFAULT);
        String session = session();
        StoredFile attached = upload(session, TestFiles.png());
        upload(session, TestFiles.pdf());
        parley.chats().postVisitorMessage(new VisitorMessage(session, "see", null,
                new Attachment(attached.url(), "a.png", 0)));
        FileStorage storage = parley.fileStorage();

        int tooEarly = new UnattachedUploads(store, storage, at(UPLOADED.plus(Duration.ofHours(23))))
                .removeOlderThan(Duration.ofDays(1));
        int removed = new UnattachedUploads(store, storage, at(UPLOADED.plus(Duration.ofDays(2))))
                .removeOlderThan(Duration.ofDays(1));
        int again = new UnattachedUploads(store, storage, at(UPLOADED.plus(Duration.ofDays(3))))
                .removeOlderThan(Duration.ofDays(1));

        assertThat(tooEarly).isZero();
        assertThat(removed).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(storedFiles()).isEqualTo(1);
        assertThat(store.files().totalBytes()).isEqualTo(attached.fileSize());
    }

    @Test
    void ofTwoNodesDeletingTheSameRecordExactlyOneSucceeds() {
        start(UploadPolicy.DEFAULT);
        upload(session(), TestFiles.png());
        long id = store.files().findUnattachedBefore(UPLOADED.plusSeconds(1), 10).get(0).id();

        assertThat(store.files().deleteIfUnattached(id)).isTrue();
        assertThat(store.files().deleteIfUnattached(id)).isFalse();
    }

    private void start(UploadPolicy policy) {
        parley = Parley.builder().store(store).clock(at(UPLOADED)).fileStorage(new LocalFileStorage(dir, "/files"))
                .uploadPolicy(policy).build();
    }

    private String session() {
        return parley.chats().startChat(new StartChat("Ann", null, null, null, "Hello")).sessionId();
    }

    private StoredFile upload(String session, byte[] content) {
        return parley.uploads().upload(session, "f" + (content[0] == '%' ? ".pdf" : ".png"),
                new ByteArrayInputStream(content));
    }

    private long storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
