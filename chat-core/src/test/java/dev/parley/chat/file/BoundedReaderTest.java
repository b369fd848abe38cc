package dev.parley.chat.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedReaderTest {

    @Test
    void contentOfExactlyTheLimitIsReadWhole() {
        byte[] content = new byte[10_000];
        content[9_999] = 7;
        assertThat(BoundedReader.read(new ByteArrayInputStream(content), 10_000)).isEqualTo(content);
    }

    @Test
    void oneByteOverTheLimitIsTooLarge() {
        assertThatThrownBy(() -> BoundedReader.read(new ByteArrayInputStream(new byte[10_001]), 10_000))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessageContaining("10000 bytes");
    }

    @Test
    void anEndlessUploadIsStoppedAfterTheLimitPlusOneByte() {
        EndlessStream endless = new EndlessStream();
        assertThatThrownBy(() -> BoundedReader.read(endless, 5L * 1024 * 1024))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessageContaining("5 MB");
        assertThat(endless.delivered).isEqualTo(5L * 1024 * 1024 + 1);
    }

    @Test
    void aBrokenUploadIsAValidationError() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> BoundedReader.read(broken, 100))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
    }

    /** Never ends; counts what it hands out. */
    private static final class EndlessStream extends InputStream {
        long delivered;

        @Override
        public int read() {
            delivered++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            delivered += len;
            return len;
        }
    }
}
