package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The bytes of the streams over real HTTP: SSE frames written as UTF-8 to the response's output stream. */
class StreamFramesTest extends ApiTestBase {

    /** The raw body of a stream, read in the background. */
    private static final class RawStream implements AutoCloseable {

        private final HttpResponse<InputStream> response;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        RawStream(HttpResponse<InputStream> response) {
            this.response = response;
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[512];
                try (InputStream in = response.body()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        synchronized (bytes) {
                            bytes.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "test-raw-sse");
            reader.setDaemon(true);
            reader.start();
        }

        byte[] bytes() {
            synchronized (bytes) {
                return bytes.toByteArray();
            }
        }

        String text() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            response.body().close();
        }
    }

    private RawStream visitorStream(String sessionId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/chat/stream?sessionId="
                + sessionId)).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = api.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return new RawStream(response);
    }

    @Test
    void aStreamStartsWithTheRetryFieldAndAConnectedComment() throws Exception {
        String session = startChat(unique("Raw"), "hi").get("sessionId").asString();
        try (RawStream stream = visitorStream(session)) {
            await().atMost(WAIT).until(() -> stream.text().contains("\n\n"));

            assertThat(stream.text()).startsWith("retry:3000\n:connected\n\n");
        }
    }

    @Test
    void multiByteAndMultiLineTextArrivesIntactAsTheSameJsonAsTheRestAnswer() throws Exception {
        String text = "Grüße — 你好 👋 \"quoted\"\nsecond line\r\nthird";
        String session = startChat(unique("Utf8"), "hi").get("sessionId").asString();
        try (RawStream stream = visitorStream(session)) {
            await().atMost(WAIT).until(() -> stream.text().contains(":connected\n\n"));
            JsonNode answered = continueChat(session, text).get("message");

            await().atMost(WAIT).until(() -> stream.text().contains("event:message\n")
                    && stream.text().endsWith("\n\n"));

            String frame = Arrays.stream(stream.text().split("\n\n")).filter(f -> f.contains("event:message"))
                    .findFirst().orElseThrow();
            String[] lines = frame.split("\n");
            assertThat(lines).hasSize(3);
            assertThat(lines[0]).as("the event log id").matches("id:[1-9][0-9]*");
            assertThat(lines[1]).isEqualTo("event:message");
            assertThat(lines[2]).startsWith("data:{");
            JsonNode streamed = Api.JSON.readTree(lines[2].substring("data:".length()));
            assertThat(streamed).isEqualTo(answered);
            assertThat(streamed.get("message").asString()).isEqualTo(text);
            assertThat(stream.bytes()).containsSubsequence("你好 👋".getBytes(StandardCharsets.UTF_8));
        }
    }
}
