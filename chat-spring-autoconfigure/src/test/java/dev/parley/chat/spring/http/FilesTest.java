package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Uploads' error paths and the serving of locally stored files. */
class FilesTest extends ApiTestBase {

    @Test
    void anUploadWithoutAFileOrSessionIdIs400() {
        String session = startChat(unique("Uploader"), "hi").get("sessionId").asString();

        Api.Response noFile = api.upload("/api/v1/chat/upload", Map.of("sessionId", session), null, null, null);
        Api.Response noSession = api.upload("/api/v1/chat/upload", Map.of(), "a.png", "image/png", new byte[] {1});

        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.errorMessage()).contains("'file'");
        assertThat(noSession.status()).isEqualTo(400);
        assertThat(noSession.errorMessage()).contains("sessionId");
    }

    @Test
    void anUploadOverTheLimitIs413InTheEnvelope() {
        String session = startChat(unique("Big"), "hi").get("sessionId").asString();
        byte[] tooBig = new byte[5 * 1024 * 1024 + 100];

        Api.Response r = api.upload("/api/v1/chat/upload", Map.of("sessionId", session), "big.pdf",
                "application/pdf", tooBig);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("TOO_LARGE");
        assertThat(r.errorMessage()).contains("5 MB");
    }

    @Test
    void anUploadThatIsNotMultipartIs415() {
        Api.Response r = api.post("/api/v1/chat/upload", Map.of("sessionId", "x"));

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.errorCode()).isEqualTo("UNSUPPORTED_TYPE");
    }

    @Test
    void storedImagesAreServedInlineWithTheirTypeAndNoSniffing() throws IOException {
        Path image = FILES.resolve("images").resolve("served-test.png");
        Files.createDirectories(image.getParent());
        Files.write(image, new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        Api.Response r = api.get("/parley/files/images/served-test.png");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("image/png");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Content-Disposition")).startsWith("inline");
        assertThat(r.bytes()).hasSize(4);
    }

    @Test
    void storedDocumentsAreServedAsAttachments() throws IOException {
        Path pdf = FILES.resolve("files").resolve("served-test.pdf");
        Files.createDirectories(pdf.getParent());
        Files.writeString(pdf, "%PDF-1.4", StandardCharsets.US_ASCII);

        Api.Response r = api.get("/parley/files/files/served-test.pdf");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(r.header("Content-Disposition")).startsWith("attachment");
        assertThat(r.header("Content-Security-Policy")).contains("sandbox");
    }

    @Test
    void missingUnknownAndEscapingFilesAre404() throws IOException {
        Path html = FILES.resolve("files").resolve("page.html");
        Files.createDirectories(html.getParent());
        Files.writeString(html, "<script>alert(1)</script>");

        assertThat(api.get("/parley/files/images/nothing.png").status()).isEqualTo(404);
        assertThat(api.get("/parley/files/files/page.html").status()).isEqualTo(404);
        assertThat(api.get("/parley/files/secret/passwd.png").status()).isEqualTo(404);
        Api.Response escaping = api.get("/parley/files/images/..%2F..%2Fetc%2Fpasswd");
        assertThat(escaping.status()).isIn(400, 404);
    }
}
