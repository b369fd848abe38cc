package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.AdminMessage;
import dev.parley.chat.Attachment;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.MessageType;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.UploadedFile;
import dev.parley.chat.VisitorMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attachments: a message may only reference a file uploaded to the same chat, and the upload record wins. */
public abstract class AttachmentsContract extends ContractSuite {

    private PostedMessage mine;
    private PostedMessage theirs;
    private UploadedFile image;
    private UploadedFile pdf;
    private UploadedFile foreign;

    /** Binds the suite to the adapter's test. */
    protected AttachmentsContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private UploadedFile upload(long chatId, String name, String type) {
        String folder = type.startsWith("image/") ? "images" : "files";
        return store().files().insert(new UploadedFile(0, chatId, "/parley/files/" + folder + "/" + chatId + "-"
                + name, folder + "/" + chatId + "-" + name, name, 2_048, type, T0));
    }

    @BeforeEach
    void twoChatsWithUploads() {
        mine = start("Ada", "Hi");
        theirs = start("Bo", "Hi");
        image = upload(mine.chat().id(), "photo.png", "image/png");
        pdf = upload(mine.chat().id(), "invoice.pdf", "application/pdf");
        foreign = upload(theirs.chat().id(), "secret.png", "image/png");
    }

    private PostedMessage send(MessageType type, String url, String text) {
        return parley().chats().postVisitorMessage(new VisitorMessage(mine.sessionId(), text, type,
                new Attachment(url, "client-said.exe", 1)));
    }

    @Test
    void uploadRecordsAreStoredPerChat() {
        assertThat(image.id()).isPositive();
        assertThat(store().files().findByChatAndUrl(mine.chat().id(), image.url())).contains(image);
        assertThat(store().files().findByChatAndUrl(theirs.chat().id(), image.url())).isEmpty();
        assertThat(store().files().countByChat(mine.chat().id())).isEqualTo(2);
        assertThat(store().files().countByChat(theirs.chat().id())).isEqualTo(1);
    }

    @Test
    void anImageUploadedToTheChatIsAttachedWithTheUploadsDetails() {
        ChatMessage m = send(MessageType.IMAGE, image.url(), "").message();

        assertThat(m.messageType()).isEqualTo(MessageType.IMAGE);
        assertThat(m.message()).isEmpty();
        assertThat(m.fileUrl()).isEqualTo(image.url());
        assertThat(m.fileName()).isEqualTo("photo.png");
        assertThat(m.fileSize()).isEqualTo(2_048L);
        assertThat(storedMessages(mine.chat().id())).last().isEqualTo(m);
    }

    @Test
    void theTypeFollowsTheUploadedContent() {
        assertThat(send(MessageType.TEXT, pdf.url(), "See attached").message().messageType())
                .isEqualTo(MessageType.FILE);
        assertThat(send(MessageType.FILE, pdf.url(), "").message().messageType()).isEqualTo(MessageType.FILE);
        assertFails(ErrorCode.VALIDATION, () -> send(MessageType.IMAGE, pdf.url(), ""), "IMAGE", "FILE");
        assertFails(ErrorCode.VALIDATION, () -> send(MessageType.FILE, image.url(), ""), "FILE", "IMAGE");
    }

    @Test
    void anotherChatsUploadIsRefused() {
        assertFails(ErrorCode.VALIDATION, () -> send(MessageType.IMAGE, foreign.url(), "look"), "fileUrl",
                "upload");
        assertFails(ErrorCode.VALIDATION, () -> parley().chats().postAdminMessage(new AdminMessage(
                mine.chat().id(), "alice", "look", MessageType.IMAGE, new Attachment(foreign.url(), "x", 1))),
                "fileUrl");
        assertThat(storedMessages(mine.chat().id())).hasSize(1);
    }

    @Test
    void anUnknownUrlIsRefused() {
        assertFails(ErrorCode.VALIDATION, () -> send(MessageType.IMAGE, "https://evil.example/x.png", ""),
                "fileUrl");
        assertFails(ErrorCode.VALIDATION, () -> send(MessageType.IMAGE, "  ", ""), "fileUrl");
        assertThat(storedMessages(mine.chat().id())).hasSize(1);
        assertThat(chat(mine.chat().id()).analytics().totalMessages()).isEqualTo(1);
    }

    @Test
    void adminsAttachTheChatsUploadsToo() {
        ChatMessage m = parley().chats().postAdminMessage(new AdminMessage(mine.chat().id(), "alice", null,
                MessageType.FILE, new Attachment(pdf.url(), "ignored", 0)));
        assertThat(m.messageType()).isEqualTo(MessageType.FILE);
        assertThat(m.fileName()).isEqualTo("invoice.pdf");
        assertThat(m.message()).isEmpty();
    }
}
