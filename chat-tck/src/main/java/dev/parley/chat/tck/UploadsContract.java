package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.Parley;
import dev.parley.chat.Attachment;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.MessageType;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.file.StoredFile;
import dev.parley.chat.file.UploadPolicy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Uploads through the real upload service: recorded per chat in the store, limited per chat, never half-stored. */
public abstract class UploadsContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected UploadsContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private static InputStream png() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(out.toByteArray());
    }

    @Test
    void anUploadIsRecordedForItsChatAndCanBeAttached() {
        PostedMessage posted = start("Ada", "Hi");
        StoredFile stored = parley().uploads().upload(posted.sessionId(), "screen shot.png", png());

        assertThat(files.publicIds()).containsExactly(stored.publicId());
        assertThat(store().files().countByChat(posted.chat().id())).isEqualTo(1);
        assertThat(store().files().findByChatAndUrl(posted.chat().id(), stored.url())).hasValueSatisfying(f -> {
            assertThat(f.publicId()).isEqualTo(stored.publicId());
            assertThat(f.fileType()).isEqualTo("image/png");
            assertThat(f.fileSize()).isEqualTo(stored.fileSize());
            assertThat(f.createdAt()).isEqualTo(T0);
        });

        ChatMessage m = parley().chats().postVisitorMessage(new VisitorMessage(posted.sessionId(), "",
                MessageType.IMAGE, new Attachment(stored.url(), "whatever.exe", 1))).message();
        assertThat(m.messageType()).isEqualTo(MessageType.IMAGE);
        assertThat(m.fileUrl()).isEqualTo(stored.url());
        assertThat(m.fileName()).isEqualTo(stored.fileName());
        assertThat(m.fileSize()).isEqualTo(stored.fileSize());
    }

    @Test
    void anotherChatCannotAttachTheUpload() {
        PostedMessage mine = start("Ada", "Hi");
        PostedMessage other = start("Bo", "Hi");
        StoredFile stored = parley().uploads().upload(mine.sessionId(), "a.png", png());

        assertFails(ErrorCode.VALIDATION, () -> parley().chats().postVisitorMessage(new VisitorMessage(
                other.sessionId(), "", MessageType.IMAGE, new Attachment(stored.url(), "a.png", 1))), "fileUrl");
    }

    @Test
    void aChatUploadsAtMostItsLimit() {
        Parley limited = builder(store(), settings()).uploadPolicy(UploadPolicy.DEFAULT.withMaxUploadsPerChat(2))
                .build();
        PostedMessage posted = start("Ada", "Hi");
        limited.uploads().upload(posted.sessionId(), "1.png", png());
        limited.uploads().upload(posted.sessionId(), "2.png", png());

        assertFails(ErrorCode.CONFLICT, () -> limited.uploads().upload(posted.sessionId(), "3.png", png()), "2");
        assertThat(store().files().countByChat(posted.chat().id())).isEqualTo(2);
        assertThat(files.publicIds()).hasSize(2);
    }

    @Test
    void aClosedChatTakesNoUpload() {
        PostedMessage posted = start("Ada", "Hi");
        status(posted.chat().id(), ChatStatus.CLOSED);
        assertFails(ErrorCode.CONFLICT, () -> parley().uploads().upload(posted.sessionId(), "a.png", png()),
                "closed");
        assertFails(ErrorCode.NOT_FOUND, () -> parley().uploads().upload("Z".repeat(32), "a.png", png()));
        assertThat(files.publicIds()).isEmpty();
    }

    @Test
    void anUploadThatCannotBeRecordedLeavesNoFileBehind() {
        PostedMessage posted = start("Ada", "Hi");
        FaultInjectingStore faulty = new FaultInjectingStore(store()).failOn("files.insert");
        Parley failing = newParley(faulty, settings());

        assertThat(catchThrowable(() -> failing.uploads().upload(posted.sessionId(), "a.png", png())))
                .isInstanceOf(FaultInjectingStore.InjectedFault.class);
        assertThat(files.publicIds()).isEmpty();
        assertThat(store().files().countByChat(posted.chat().id())).isZero();
    }
}
