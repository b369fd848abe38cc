package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Uploads over real HTTP: stored, served, attached to messages, and refused when they should be. */
class UploadTest extends ApiTestBase {

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xFF8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    private Api.Response upload(String session, String name, String type, byte[] content) {
        return api.upload("/api/v1/chat/upload", Map.of("sessionId", session), name, type, content);
    }

    @Test
    void anImageIsStoredServedAndAttachedToAMessage() throws IOException {
        String name = unique("Picture");
        String session = startChat(name, "see attached").get("sessionId").asString();

        Api.Response up = upload(session, "screenshot.png", "image/png", png());
        String url = up.data().get("url").asString();
        Api.Response served = api.get(url);
        Api.Response message = api.post("/api/v1/chat", Map.of("sessionId", session, "message", "",
                "messageType", "IMAGE", "fileUrl", url));

        assertThat(up.status()).as(up.toString()).isEqualTo(200);
        assertThat(up.data().get("fileType").asString()).isEqualTo("image/png");
        assertThat(up.data().get("fileName").asString()).isEqualTo("screenshot.png");
        assertThat(up.data().get("fileSize").asLong()).isEqualTo(png().length);
        assertThat(up.data().get("publicId").asString()).startsWith("images/");
        assertThat(url).startsWith("/parley/files/images/");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(message.status()).as(message.toString()).isEqualTo(200);
        JsonNode m = message.data().get("message");
        assertThat(m.get("messageType").asString()).isEqualTo("IMAGE");
        assertThat(m.get("fileUrl").asString()).isEqualTo(url);
        assertThat(m.get("fileName").asString()).isEqualTo("screenshot.png");
    }

    @Test
    void aFileAboveTheServletDefaultOfOneMegabyteButUnderTheUploadLimitIsAccepted() throws IOException {
        String session = startChat(unique("Large"), "big picture").get("sessionId").asString();
        BufferedImage noise = new BufferedImage(800, 800, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(42);
        for (int y = 0; y < 800; y++) {
            for (int x = 0; x < 800; x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(noise, "png", out);
        assertThat(out.size()).isBetween(1024 * 1024 + 1, 5 * 1024 * 1024);

        Api.Response r = upload(session, "noise.png", "image/png", out.toByteArray());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().get("fileSize").asLong()).isEqualTo(out.size());
    }

    @Test
    void aPdfIsStoredAndServedAsAnAttachment() {
        String session = startChat(unique("Document"), "invoice").get("sessionId").asString();

        Api.Response up = upload(session, "invoice.pdf", "application/pdf", pdf());
        Api.Response served = api.get(up.data().get("url").asString());

        assertThat(up.status()).as(up.toString()).isEqualTo(200);
        assertThat(up.data().get("fileType").asString()).isEqualTo("application/pdf");
        assertThat(served.header("Content-Disposition")).startsWith("attachment");
    }

    @Test
    void contentThatIsNotAnAllowedTypeIs415WhateverItsName() {
        String session = startChat(unique("Sneaky"), "hi").get("sessionId").asString();

        Api.Response r = upload(session, "photo.png", "image/png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.errorCode()).isEqualTo("UNSUPPORTED_TYPE");
    }

    @Test
    void anUploadToAGuessedSessionIs404() throws IOException {
        Api.Response r = upload("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "a.png", "image/png", png());

        assertThat(r.status()).isEqualTo(404);
    }

    @Test
    void aFileOfAnotherChatCannotBeAttached() throws IOException {
        String owner = startChat(unique("Owner"), "hi").get("sessionId").asString();
        String other = startChat(unique("Thief"), "hi").get("sessionId").asString();
        String url = upload(owner, "a.png", "image/png", png()).data().get("url").asString();

        Api.Response r = api.post("/api/v1/chat", Map.of("sessionId", other, "message", "mine now",
                "messageType", "IMAGE", "fileUrl", url));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorMessage()).contains("fileUrl");
    }
}
