package dev.parley.chat.cloudinary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import dev.parley.chat.file.FileToStore;
import dev.parley.chat.file.FileType;
import dev.parley.chat.file.StoredFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Cloudinary SDK uploading to a stub on loopback. */
class CloudinaryFileStorageTest {

    CloudinaryStub stub;
    CloudinaryFileStorage storage;

    @BeforeEach
    void start() throws IOException {
        stub = new CloudinaryStub();
        storage = CloudinaryFileStorage.fromUrl(stub.cloudinaryUrl(), "acme");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void imagesAreSignedUploadsOfResourceTypeImageIntoTheImagesFolder() {
        byte[] png = TestImages.png();

        StoredFile stored = storage.store(file("9f86d081884c7d659a2feaa0c55ad015.png", FileType.PNG, png));

        assertThat(stub.received()).singleElement().satisfies(r -> {
            assertThat(r.cloud()).isEqualTo(stub.cloud);
            assertThat(r.resourceType()).isEqualTo("image");
            assertThat(r.action()).isEqualTo("upload");
            assertThat(r.signatureValid()).as("signature for the test's secret").isTrue();
            assertThat(r.fields()).containsEntry("folder", "acme/chat/images")
                    .containsEntry("public_id", "9f86d081884c7d659a2feaa0c55ad015")
                    .containsEntry("overwrite", "false")
                    .containsKey("timestamp")
                    .doesNotContainValue(stub.apiSecret);
            assertThat(r.file()).isEqualTo(png);
            assertThat(r.fileName()).isEqualTo("9f86d081884c7d659a2feaa0c55ad015.png");
        });
        assertThat(stored.publicId()).isEqualTo("acme/chat/images/9f86d081884c7d659a2feaa0c55ad015");
        assertThat(stored.url()).startsWith("https://res.cloudinary.com/demo-cloud/image/upload/")
                .endsWith("/acme/chat/images/9f86d081884c7d659a2feaa0c55ad015.png");
        assertThat(stored.fileName()).isEqualTo("holiday photo.png");
        assertThat(stored.fileSize()).isEqualTo(png.length);
        assertThat(stored.fileType()).isEqualTo("image/png");
    }

    @Test
    void documentsAreRawUploadsIntoTheFilesFolderKeepingTheirExtension() {
        StoredFile stored = storage.store(file("0a1b2c.pdf", FileType.PDF, TestImages.pdf()));

        assertThat(stub.received()).singleElement().satisfies(r -> {
            assertThat(r.resourceType()).isEqualTo("raw");
            assertThat(r.signatureValid()).isTrue();
            assertThat(r.fields()).containsEntry("folder", "acme/chat/files").containsEntry("public_id", "0a1b2c.pdf");
        });
        assertThat(stored.publicId()).isEqualTo("acme/chat/files/0a1b2c.pdf");
        assertThat(stored.url()).startsWith("https://res.cloudinary.com/demo-cloud/raw/upload/")
                .endsWith("/acme/chat/files/0a1b2c.pdf");
        assertThat(stored.fileType()).isEqualTo("application/pdf");
    }

    @Test
    void theFolderPrefixIsNormalisedAndMayBeEmpty() {
        assertThat(CloudinaryFileStorage.fromUrl(stub.cloudinaryUrl(), "/tenants/acme/").imagesFolder())
                .isEqualTo("tenants/acme/chat/images");
        CloudinaryFileStorage noPrefix = CloudinaryFileStorage.fromUrl(stub.cloudinaryUrl(), "");
        assertThat(noPrefix.filesFolder()).isEqualTo("chat/files");
        noPrefix.store(file("abc.docx", FileType.DOCX, new byte[] {'P', 'K', 3, 4}));
        assertThat(stub.received()).singleElement()
                .satisfies(r -> assertThat(r.fields()).containsEntry("folder", "chat/files"));
        assertThatThrownBy(() -> CloudinaryFileStorage.fromUrl(stub.cloudinaryUrl(), "../other"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletingDestroysByPublicIdWithTheResourceTypeOfItsFolder() {
        StoredFile image = storage.store(file("aa11.png", FileType.PNG, TestImages.png()));
        StoredFile doc = storage.store(file("bb22.pdf", FileType.PDF, TestImages.pdf()));

        storage.delete(image.publicId());
        storage.delete(doc.publicId());
        storage.delete(doc.publicId());
        storage.delete("someone-else/photo");

        assertThat(stub.received()).filteredOn(r -> r.action().equals("destroy"))
                .extracting(r -> r.resourceType() + " " + r.fields().get("public_id") + " " + r.signatureValid())
                .containsExactly("image acme/chat/images/aa11 true", "raw acme/chat/files/bb22.pdf true",
                        "raw acme/chat/files/bb22.pdf true");
    }

    @Test
    void rejectedCredentialsAreStorageUnavailable() {
        stub.answer(CloudinaryStub.Mode.UNAUTHORIZED);
        assertStorageUnavailable(() -> storage.store(file("a.png", FileType.PNG, TestImages.png())));
        assertStorageUnavailable(() -> storage.delete("acme/chat/images/a"));
    }

    @Test
    void aWrongSecretIsRefusedByTheStubAndIsStorageUnavailable() {
        String wrongSecret = stub.cloudinaryUrl().replace(stub.apiSecret, stub.apiSecret.toUpperCase());
        CloudinaryFileStorage wrong = CloudinaryFileStorage.fromUrl(wrongSecret, "acme");
        assertStorageUnavailable(() -> wrong.store(file("a.png", FileType.PNG, TestImages.png())));
        assertThat(stub.received()).singleElement().satisfies(r -> assertThat(r.signatureValid()).isFalse());
    }

    @Test
    void otherClientErrorsAreStorageUnavailable() {
        stub.answer(CloudinaryStub.Mode.BAD_REQUEST);
        assertStorageUnavailable(() -> storage.store(file("a.png", FileType.PNG, TestImages.png())));
    }

    @Test
    void serverErrorsAreStorageUnavailable() {
        stub.answer(CloudinaryStub.Mode.SERVER_ERROR);
        assertStorageUnavailable(() -> storage.store(file("a.pdf", FileType.PDF, TestImages.pdf())));
    }

    @Test
    void aHangingCloudinaryTimesOutAsStorageUnavailable() {
        stub.answer(CloudinaryStub.Mode.HANG);
        Cloudinary oneSecond = new Cloudinary(ObjectUtils.asMap("cloud_name", stub.cloud, "api_key", stub.apiKey,
                "api_secret", stub.apiSecret, "upload_prefix", stub.uploadPrefix(), "timeout", 1));
        CloudinaryFileStorage impatient = new CloudinaryFileStorage(oneSecond, "acme");

        assertStorageUnavailable(() -> impatient.store(file("a.png", FileType.PNG, TestImages.png())));
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsStorageUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CloudinaryFileStorage nowhere = CloudinaryFileStorage.fromUrl(
                stub.cloudinaryUrl().replace(stub.uploadPrefix(), "http://127.0.0.1:" + closedPort), "acme");
        assertStorageUnavailable(() -> nowhere.store(file("a.png", FileType.PNG, TestImages.png())));
    }

    @Test
    void aClientWithoutTimeoutGetsTheDefault() {
        Cloudinary cloudinary = new Cloudinary(ObjectUtils.asMap("cloud_name", "c", "api_key", "k", "api_secret",
                "s"));
        new CloudinaryFileStorage(cloudinary, "acme");
        assertThat(cloudinary.config.timeout).isEqualTo(CloudinaryFileStorage.DEFAULT_TIMEOUT_SECONDS);
    }

    @Test
    void malformedUrlsAreRefusedWithoutRepeatingTheSecret() {
        String secret = stub.apiSecret;
        for (String url : new String[] {"https://" + stub.apiKey + ":" + secret + "@demo",
            "cloudinary://" + stub.apiKey + ":" + secret + "@", "cloudinary://" + secret + "@demo x y"}) {
            assertThatThrownBy(() -> CloudinaryFileStorage.fromUrl(url, "acme"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cloudinary://<api key>:<api secret>@<cloud name>")
                    .hasMessageNotContaining(secret)
                    .hasNoCause();
        }
    }

    private static FileToStore file(String storedName, FileType type, byte[] content) {
        return new FileToStore(7, storedName, "holiday photo." + type.extension(), type, content);
    }

    private static void assertStorageUnavailable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ParleyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
    }
}
