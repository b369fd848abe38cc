package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.store.ChatStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The local file store failing under an upload: where its directories should be there are regular files, so every
 * write fails (as on a read-only or full disk, and also when the tests run as root, whom permissions do not stop).
 * The upload answers STORAGE_UNAVAILABLE in the envelope and leaves no upload record, no message, and the storage
 * quota's count unchanged; once the directory is back, uploads work again.
 */
class StorageFailureTest extends ApiTestBase {

    @Autowired
    ChatStore store;

    @BeforeEach
    void breakTheFileStore() throws IOException {
        for (String dir : new String[] {"images", "files"}) {
            Path p = FILES.resolve(dir);
            if (Files.isDirectory(p)) {
                try (var files = Files.list(p)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(p);
            }
            Files.writeString(p, "not a directory");
        }
    }

    @AfterEach
    void repairTheFileStore() throws IOException {
        for (String dir : new String[] {"images", "files"}) {
            if (Files.isRegularFile(FILES.resolve(dir))) {
                Files.delete(FILES.resolve(dir));
            }
        }
    }

    @Test
    void aFailingFileStoreAnswersStorageUnavailableAndStoresNoHalfRecord() throws Exception {
        String name = unique("Disk");
        String session = startChat(name, "my file follows").get("sessionId").asString();
        long chatId = chatIdOf(name);
        long bytesBefore = store.files().totalBytes();
        int messagesBefore = store.messages().list(chatId, null, null, 100).size();

        Api.Response image = api.upload("/api/v1/chat/upload", Map.of("sessionId", session), "a.png", "image/png",
                UploadTest.png());
        Api.Response document = api.upload("/api/v1/chat/upload", Map.of("sessionId", session), "a.pdf",
                "application/pdf", UploadTest.pdf());

        for (Api.Response r : new Api.Response[] {image, document}) {
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            assertThat(r.json().get("success").asBoolean()).isFalse();
            assertThat(r.errorCode()).isEqualTo("STORAGE_UNAVAILABLE");
            assertThat(r.errorMessage()).contains("could not store the file");
        }
        assertThat(store.files().countByChat(chatId)).isZero();
        assertThat(store.files().totalBytes()).isEqualTo(bytesBefore);
        assertThat(store.messages().list(chatId, null, null, 100)).hasSize(messagesBefore);

        repairTheFileStore();
        Api.Response again = api.upload("/api/v1/chat/upload", Map.of("sessionId", session), "a.png", "image/png",
                UploadTest.png());
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(store.files().countByChat(chatId)).isEqualTo(1);
    }
}
