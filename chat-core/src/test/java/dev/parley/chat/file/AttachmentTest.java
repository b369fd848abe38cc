package dev.parley.chat.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Parley;
import dev.parley.chat.Attachment;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.MessageType;
import dev.parley.chat.ParleyException;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message of type IMAGE or FILE may only reference a file uploaded to the same chat. */
class AttachmentTest {

    @TempDir
    Path dir;
    Parley parley;
    String ann;
    String bob;

    @BeforeEach
    void start() {
        parley = Parley.builder().fileStorage(new LocalFileStorage(dir, "/files")).build();
        ann = parley.chats().startChat(new StartChat("Ann", null, null, null, "Hi")).sessionId();
        bob = parley.chats().startChat(new StartChat("Bob", null, null, null, "Hi")).sessionId();
    }

    @AfterEach
    void stop() {
        parley.close();
    }

    @Test
    void anUploadedImageBecomesAnImageMessageWithTheUploadsName() {
        StoredFile file = upload(ann, "../screenshot.png", TestFiles.png());

        PostedMessage posted = parley.chats().postVisitorMessage(new VisitorMessage(ann, null, MessageType.IMAGE,
                new Attachment(file.url(), "<b>anything the client claims</b>", 1)));

        ChatMessage message = posted.message();
        assertThat(message.messageType()).isEqualTo(MessageType.IMAGE);
        assertThat(message.fileUrl()).isEqualTo(file.url());
        assertThat(message.fileName()).isEqualTo("screenshot.png");
        assertThat(message.fileSize()).isEqualTo(TestFiles.png().length);
    }

    @Test
    void anUploadedDocumentBecomesAFileMessage() {
        StoredFile file = upload(ann, "invoice.pdf", TestFiles.pdf());

        ChatMessage message = parley.chats().postVisitorMessage(new VisitorMessage(ann, "see attached", null,
                new Attachment(file.url(), "invoice.pdf", 0))).message();

        assertThat(message.messageType()).isEqualTo(MessageType.FILE);
    }

    @Test
    void anotherChatsFileCannotBeAttached() {
        StoredFile bobsFile = upload(bob, "private.pdf", TestFiles.pdf());

        assertInvalid(new VisitorMessage(ann, null, MessageType.FILE,
                new Attachment(bobsFile.url(), "private.pdf", 1)));
    }

    @Test
    void anArbitraryUrlCannotBePresentedAsAnAttachment() {
        assertInvalid(new VisitorMessage(ann, null, MessageType.IMAGE,
                new Attachment("https://evil.example/cat.png", "cat.png", 1)));
    }

    private StoredFile upload(String session, String name, byte[] content) {
        return parley.uploads().upload(session, name, new ByteArrayInputStream(content));
    }

    private void assertInvalid(VisitorMessage message) {
        assertThatThrownBy(() -> parley.chats().postVisitorMessage(message))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
                .hasMessageContaining("not uploaded to this chat");
    }
}
