package dev.parley.chat.cloudinary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Parley;
import dev.parley.chat.Attachment;
import dev.parley.chat.Chat;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.MessageType;
import dev.parley.chat.ParleyException;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.file.StoredFile;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core's upload service over Cloudinary: only checked files reach Cloudinary, failures create nothing. */
class CloudinaryUploadsTest {

    CloudinaryStub stub;
    InMemoryChatStore store;
    Parley parley;
    Chat chat;

    @BeforeEach
    void start() throws IOException {
        stub = new CloudinaryStub();
        store = new InMemoryChatStore();
        parley = Parley.builder().store(store)
                .fileStorage(CloudinaryFileStorage.fromUrl(stub.cloudinaryUrl(), "acme")).build();
        chat = parley.chats().startChat(new StartChat("Ann", null, null, null, "Hello")).chat();
    }

    @AfterEach
    void stop() {
        parley.close();
        stub.close();
    }

    @Test
    void anUploadedImageCanBeSentAsAnImageMessage() {
        StoredFile file = upload("screen shot.png", TestImages.png());

        assertThat(stub.received()).singleElement().satisfies(r -> {
            assertThat(r.fields().get("public_id")).matches("[0-9a-f]{32}");
            assertThat(r.signatureValid()).isTrue();
        });
        assertThat(file.url()).startsWith("https://res.cloudinary.com/");
        assertThat(file.fileName()).isEqualTo("screen shot.png");
        var message = parley.chats().postVisitorMessage(new VisitorMessage(chat.sessionId(), null, MessageType.IMAGE,
                new Attachment(file.url(), file.fileName(), file.fileSize()))).message();
        assertThat(message.messageType()).isEqualTo(MessageType.IMAGE);
        assertThat(message.fileUrl()).isEqualTo(file.url());
    }

    @Test
    void refusedFilesNeverReachCloudinary() {
        byte[] polyglot = TestImages.concat(TestImages.png(),
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
        byte[] elf = TestImages.concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, new byte[200]);

        assertRefused(() -> upload("cat.png", polyglot), ErrorCode.UNSUPPORTED_TYPE);
        assertRefused(() -> upload("tool.png", elf), ErrorCode.UNSUPPORTED_TYPE);
        assertRefused(() -> upload("empty.pdf", new byte[0]), ErrorCode.VALIDATION);
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void aCloudinaryFailureRecordsNoFileAndCreatesNoMessage() {
        stub.answer(CloudinaryStub.Mode.SERVER_ERROR);

        assertRefused(() -> upload("invoice.pdf", TestImages.pdf()), ErrorCode.STORAGE_UNAVAILABLE);

        assertThat(stub.received()).hasSize(1);
        assertThat(parley.chats().messages(chat.id(), null)).hasSize(1);
    }

    private StoredFile upload(String name, byte[] content) {
        return parley.uploads().upload(chat.sessionId(), name, new ByteArrayInputStream(content));
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(code));
        assertThat(store.files().countByChat(chat.id())).isZero();
    }
}
