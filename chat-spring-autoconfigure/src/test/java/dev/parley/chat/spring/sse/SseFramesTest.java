package dev.parley.chat.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SseFramesTest {

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    @Test
    void anEventHasItsIdNameAndDataAndEndsWithABlankLine() {
        assertThat(text(SseFrames.event("e1-7", "message", "{\"a\":1}")))
                .isEqualTo("id:e1-7\nevent:message\ndata:{\"a\":1}\n\n");
    }

    @Test
    void multiByteTextIsWrittenAsUtf8() {
        String data = "héllo — 你好 👋";

        byte[] frame = SseFrames.event("e1-1", "message", data);

        assertThat(frame).isEqualTo(("id:e1-1\nevent:message\ndata:" + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        assertThat(frame.length).isGreaterThan(("id:e1-1\nevent:message\ndata:" + data + "\n\n").length());
    }

    @Test
    void everyLineOfMultiLineDataGetsItsOwnDataField() {
        assertThat(text(SseFrames.event("e1-2", "message", "one\ntwo\r\nthree\rfour")))
                .isEqualTo("id:e1-2\nevent:message\ndata:one\ndata:two\ndata:three\ndata:four\n\n");
        assertThat(text(SseFrames.event("e1-3", "message", "last line ends\n")))
                .isEqualTo("id:e1-3\nevent:message\ndata:last line ends\ndata:\n\n");
        assertThat(text(SseFrames.event("e1-4", "message", "")))
                .isEqualTo("id:e1-4\nevent:message\ndata:\n\n");
    }

    @Test
    void aLineStartingWithASpaceKeepsIt() {
        // a client strips one space after the colon, so one is added
        assertThat(text(SseFrames.event("e1-5", "message", " indented\nflush")))
                .isEqualTo("id:e1-5\nevent:message\ndata:  indented\ndata:flush\n\n");
    }

    @Test
    void commentsAndTheRetryFieldAreFramedToo() {
        assertThat(text(SseFrames.comment("keep-alive"))).isEqualTo(":keep-alive\n\n");
        assertThat(text(SseFrames.comment("two\nlines"))).isEqualTo(":two\n:lines\n\n");
        assertThat(text(SseFrames.retry(3000, "connected"))).isEqualTo("retry:3000\n:connected\n\n");
    }

    @Test
    void jsonDataIsOneLineOfParleysJson() {
        String frame = text(SseFrames.json("e1-6", "status", Map.of("text", "a\nb — ü")));

        assertThat(frame).isEqualTo("id:e1-6\nevent:status\ndata:{\"text\":\"a\\nb — ü\"}\n\n");
    }

    @Test
    void anIdOrNameThatWouldBreakTheFrameIsRefused() {
        assertThatThrownBy(() -> SseFrames.event("e1\n-1", "message", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SseFrames.event("e1-1", "mess\rage", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
