package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Session ids: unguessable (192 random bits), URL-safe, fixed length, never repeated. */
class SessionIdsTest {

    @Test
    void aHundredThousandIdsAreDistinctUrlSafeAndThirtyTwoCharactersLong() {
        SessionIds ids = new SessionIds();
        Set<String> seen = new HashSet<>();
        java.util.List<String> malformed = new java.util.ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String id = ids.next();
            if (id.length() != 32 || !id.matches("[A-Za-z0-9_-]+") || !SessionIds.looksValid(id)) {
                malformed.add(id);
            }
            seen.add(id);
        }
        assertThat(malformed).isEmpty();
        assertThat(seen).hasSize(100_000);
        assertThat(SessionIds.LENGTH).isEqualTo(32);
    }

    @Test
    void everyIdCarriesTwentyFourRandomBytes() {
        byte[] fixed = new byte[24];
        for (int i = 0; i < fixed.length; i++) {
            fixed[i] = (byte) (i * 11 + 250);
        }
        SecureRandom predictable = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(fixed, 0, bytes, 0, bytes.length);
            }
        };
        String id = new SessionIds(predictable).next();
        assertThat(Base64.getUrlDecoder().decode(id)).isEqualTo(fixed).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void onlyTheShapeOfAnIdLooksValid() {
        assertThat(SessionIds.looksValid("a".repeat(32))).isTrue();
        assertThat(SessionIds.looksValid("a".repeat(31))).isFalse();
        assertThat(SessionIds.looksValid("a".repeat(33))).isFalse();
        assertThat(SessionIds.looksValid("a".repeat(31) + "=")).isFalse();
        assertThat(SessionIds.looksValid("a".repeat(31) + "+")).isFalse();
        assertThat(SessionIds.looksValid("a".repeat(31) + "/")).isFalse();
        assertThat(SessionIds.looksValid("a".repeat(31) + "é")).isFalse();
        assertThat(SessionIds.looksValid("")).isFalse();
    }
}
