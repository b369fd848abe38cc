package dev.parley.chat.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.parley.Parley;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import dev.parley.chat.StartChat;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The corpus through the real service, the in-memory store and the local file storage. */
class UploadServiceTest {

    static final int LIMIT = 16 * 1024;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    InMemoryChatStore store;
    Parley parley;
    Chat chat;

    @BeforeEach
    void start() {
        store = new InMemoryChatStore();
        parley = parley(UploadPolicy.DEFAULT.withMaxBytes(LIMIT), new LocalFileStorage(dir, "/files"));
        chat = startChat();
    }

    @AfterEach
    void stop() {
        parley.close();
    }

    static Stream<Arguments> acceptedFiles() {
        return Stream.of(
                arguments("photo.jpg", TestFiles.jpeg(), "image/jpeg", "photo.jpg"),
                arguments("photo.JPEG", TestFiles.jpeg(), "image/jpeg", "photo.JPEG"),
                arguments("diagram.png", TestFiles.png(), "image/png", "diagram.png"),
                arguments("anim.gif", TestFiles.gif(), "image/gif", "anim.gif"),
                arguments("pixel.webp", TestFiles.webp(), "image/webp", "pixel.webp"),
                arguments("invoice.pdf", TestFiles.pdf(), "application/pdf", "invoice.pdf"),
                arguments("letter.doc", TestFiles.doc(), "application/msword", "letter.doc"),
                arguments("letter.docx", TestFiles.docx(), FileType.DOCX.mimeType(), "letter.docx"),
                arguments("exactly-the-limit.png", TestFiles.pngOfSize(LIMIT), "image/png", "exactly-the-limit.png"),
                arguments("../../../etc/passwd.png", TestFiles.png(), "image/png", "passwd.png"),
                arguments("a".repeat(300) + ".png", TestFiles.png(), "image/png",
                        "a".repeat(FileNames.MAX_LENGTH - 4) + ".png"),
                arguments(null, TestFiles.pdf(), "application/pdf", "upload.pdf"));
    }

    @ParameterizedTest(name = "{0} is accepted")
    @MethodSource("acceptedFiles")
    void realFilesOfEachAllowedTypeAreStoredUnderAGeneratedName(String name, byte[] content, String mimeType,
            String keptName) throws IOException {
        StoredFile stored = upload(name, content);

        assertThat(stored.fileType()).isEqualTo(mimeType);
        assertThat(stored.fileName()).isEqualTo(keptName);
        assertThat(stored.fileSize()).isEqualTo(content.length);
        String folder = mimeType.startsWith("image/") ? "images" : "files";
        assertThat(stored.publicId()).matches(folder + "/[0-9a-f]{32}\\.[a-z]+");
        assertThat(stored.url()).isEqualTo("/files/" + stored.publicId());
        assertThat(storedFiles()).containsExactly(dir.resolve(stored.publicId()));
        assertThat(Files.readAllBytes(dir.resolve(stored.publicId()))).isEqualTo(content);
        assertThat(store.files().findByChatAndUrl(chat.id(), stored.url())).hasValueSatisfying(f -> {
            assertThat(f.fileName()).isEqualTo(keptName);
            assertThat(f.publicId()).isEqualTo(stored.publicId());
            assertThat(f.createdAt()).isEqualTo(CLOCK.instant());
        });
    }

    static Stream<Arguments> refusedFiles() {
        return Stream.of(
                arguments("linux executable renamed .png", "tool.png", TestFiles.elf(), ErrorCode.UNSUPPORTED_TYPE),
                arguments("windows executable renamed .png", "setup.png", TestFiles.windowsExe(),
                        ErrorCode.UNSUPPORTED_TYPE),
                arguments("HTML renamed .pdf", "invoice.pdf", TestFiles.html(), ErrorCode.UNSUPPORTED_TYPE),
                arguments("PNG followed by HTML", "cat.png", TestFiles.pngFollowedByHtml(),
                        ErrorCode.UNSUPPORTED_TYPE),
                arguments("PNG carrying HTML in a chunk", "cat.png", TestFiles.pngWithHtmlInside(),
                        ErrorCode.UNSUPPORTED_TYPE),
                arguments("zip renamed .docx", "letter.docx", TestFiles.plainZip(), ErrorCode.UNSUPPORTED_TYPE),
                arguments("real PDF named .png", "photo.png", TestFiles.pdf(), ErrorCode.UNSUPPORTED_TYPE),
                arguments("zero-byte file", "empty.png", new byte[0], ErrorCode.VALIDATION),
                arguments("one byte over the limit", "big.png", TestFiles.pngOfSize(LIMIT + 1), ErrorCode.TOO_LARGE),
                arguments("name with NUL", "evil.php\0.png", TestFiles.png(), ErrorCode.VALIDATION));
    }

    @ParameterizedTest(name = "{0} is refused with {3}")
    @MethodSource("refusedFiles")
    void refusedFilesLeaveNothingStored(String description, String name, byte[] content, ErrorCode code) {
        assertRefused(() -> upload(name, content), code);
    }

    @Test
    void anOversizeStreamIsNotReadPastTheLimitPlusOneByte() {
        CountingStream endless = new CountingStream(new InputStream() {
            @Override
            public int read() {
                return 0;
            }
        });
        assertRefused(() -> parley.uploads().upload(chat.sessionId(), "huge.png", endless), ErrorCode.TOO_LARGE);
        assertThat(endless.count).isEqualTo(LIMIT + 1);
    }

    @Test
    void typesOutsideTheAllowListAreUnsupported() {
        parley = parley(UploadPolicy.DEFAULT.withAllowedTypes(Set.of(FileType.PNG, FileType.JPEG)),
                new LocalFileStorage(dir, "/files"));
        assertRefused(() -> upload("invoice.pdf", TestFiles.pdf()), ErrorCode.UNSUPPORTED_TYPE)
                .hasMessageContaining("allowed: JPEG, PNG");
    }

    @Test
    void unknownOrMissingSessionIsRefusedBeforeReading() {
        CountingStream content = new CountingStream(new ByteArrayInputStream(TestFiles.png()));
        assertRefused(() -> parley.uploads().upload("A".repeat(32), "a.png", content), ErrorCode.NOT_FOUND);
        assertRefused(() -> parley.uploads().upload("not-a-session", "a.png", content), ErrorCode.NOT_FOUND);
        assertRefused(() -> parley.uploads().upload(" ", "a.png", content), ErrorCode.VALIDATION);
        assertThat(content.count).isZero();
    }

    @Test
    void closedChatTakesNoFiles() {
        parley.chats().updateChat(ChatUpdate.status(chat.id(), ChatStatus.CLOSED));
        assertRefused(() -> upload("a.png", TestFiles.png()), ErrorCode.CONFLICT).hasMessageContaining("closed");
    }

    @Test
    void resolvedChatStillTakesFiles() {
        parley.chats().updateChat(ChatUpdate.status(chat.id(), ChatStatus.RESOLVED));
        assertThat(upload("a.png", TestFiles.png()).fileType()).isEqualTo("image/png");
    }

    @Test
    void chatClosedWhileTheFileIsReadGetsNothingStored() {
        InputStream closesTheChat = new ByteArrayInputStream(TestFiles.png()) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (pos == 0) {
                    parley.chats().updateChat(ChatUpdate.status(chat.id(), ChatStatus.CLOSED));
                }
                return super.read(b, off, len);
            }
        };
        assertRefused(() -> parley.uploads().upload(chat.sessionId(), "a.png", closesTheChat), ErrorCode.CONFLICT);
    }

    @Test
    void aChatMayUploadOnlyItsLimitOfFiles() {
        parley = parley(UploadPolicy.DEFAULT.withMaxUploadsPerChat(2), new LocalFileStorage(dir, "/files"));
        upload("a.png", TestFiles.png());
        upload("b.pdf", TestFiles.pdf());
        CountingStream third = new CountingStream(new ByteArrayInputStream(TestFiles.png()));

        assertThatThrownBy(() -> parley.uploads().upload(chat.sessionId(), "c.png", third))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessageContaining("already has 2 files");
        assertThat(third.count).isZero();
        assertThat(storedFiles()).hasSize(2);
        assertThat(store.files().countByChat(chat.id())).isEqualTo(2);
        Chat other = startChat();
        assertThat(parley.uploads().upload(other.sessionId(), "c.png", new ByteArrayInputStream(TestFiles.png())))
                .isNotNull();
    }

    @Test
    void failingStorageIsStorageUnavailableAndNothingIsRecorded() {
        FileStorage down = new FileStorage() {
            @Override
            public StoredFile store(FileToStore file) {
                throw new ParleyException(ErrorCode.STORAGE_UNAVAILABLE, "storage is down");
            }

            @Override
            public void delete(String publicId) {}
        };
        parley = parley(UploadPolicy.DEFAULT, down);
        assertRefused(() -> upload("a.png", TestFiles.png()), ErrorCode.STORAGE_UNAVAILABLE);
    }

    private StoredFile upload(String name, byte[] content) {
        return parley.uploads().upload(chat.sessionId(), name, new ByteArrayInputStream(content));
    }

    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        var thrown = assertThatThrownBy(call)
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(code));
        assertThat(storedFiles()).as("files in the storage directory").isEmpty();
        assertThat(store.files().countByChat(chat.id())).as("upload records").isZero();
        return thrown;
    }

    private Parley parley(UploadPolicy policy, FileStorage storage) {
        if (parley != null) {
            parley.close();
        }
        return Parley.builder().store(store).clock(CLOCK).fileStorage(storage).uploadPolicy(policy)
                .seedDefaults(store.departments().list().isEmpty()).build();
    }

    private Chat startChat() {
        return parley.chats().startChat(new StartChat("Ann", null, null, null, "Hello")).chat();
    }

    private List<Path> storedFiles() {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the bytes handed out. */
    static final class CountingStream extends InputStream {
        private final InputStream in;
        long count;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
