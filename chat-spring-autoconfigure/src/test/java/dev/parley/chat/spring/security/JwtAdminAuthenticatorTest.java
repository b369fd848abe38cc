package dev.parley.chat.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import dev.parley.chat.spring.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Time and issuer checks of the JWT verifier, on a clock the test moves. */
class JwtAdminAuthenticatorTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final AdminTokens tokens = new AdminTokens(SECRET, "parley-test", clock);
    private final JwtAdminAuthenticator auth = new JwtAdminAuthenticator(SECRET, "parley-test", clock,
            Duration.ofSeconds(30));

    private static MockHttpServletRequest bearer(String token) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer " + token);
        return request;
    }

    @Test
    void aTokenIsValidUntilItsExpiryPlusTheClockSkew() {
        String token = tokens.issue("ana", Duration.ofMinutes(5));

        assertThat(auth.authenticate(bearer(token), false)).isEqualTo("ana");
        clock.advance(Duration.ofMinutes(5).plusSeconds(20));
        assertThat(auth.authenticate(bearer(token), false)).isEqualTo("ana");
        clock.advance(Duration.ofSeconds(20));
        assertThatThrownBy(() -> auth.authenticate(bearer(token), false))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.UNAUTHENTICATED)).hasMessageContaining("expired");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        String other = new AdminTokens(SECRET, "someone-else", clock).issue("ana", Duration.ofMinutes(5));

        assertThatThrownBy(() -> auth.authenticate(bearer(other), false)).hasMessageContaining("issuer");
    }

    @Test
    void withoutASecretEveryRequestIsRefused() {
        JwtAdminAuthenticator unconfigured = new JwtAdminAuthenticator(null, null, clock, Duration.ZERO);

        assertThatThrownBy(() -> unconfigured.authenticate(bearer(tokens.issue("ana", Duration.ofMinutes(1))), false))
                .isInstanceOf(ParleyException.class).hasMessageContaining("parley.security.jwt-secret");
    }

    @Test
    void theQueryTicketIsReadOnlyWhenAllowedAndOnlyOnce() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setParameter("ticket", tokens.issueStreamTicket("ana", Duration.ofSeconds(30)).ticket());

        assertThatThrownBy(() -> auth.authenticate(request, false)).isInstanceOf(ParleyException.class);
        assertThat(auth.authenticate(request, true)).isEqualTo("ana");
        assertThatThrownBy(() -> auth.authenticate(request, true)).isInstanceOf(ParleyException.class)
                .hasMessageContaining("already used");
    }

    @Test
    void aBearerTokenIsNotATicketAndATicketIsNotABearerToken() {
        MockHttpServletRequest inQuery = new MockHttpServletRequest();
        inQuery.setParameter("ticket", tokens.issue("ana", Duration.ofMinutes(1)));
        MockHttpServletRequest accessToken = new MockHttpServletRequest();
        accessToken.setParameter("access_token", tokens.issue("ana", Duration.ofMinutes(1)));

        assertThatThrownBy(() -> auth.authenticate(inQuery, true)).hasMessageContaining("stream ticket");
        assertThatThrownBy(() -> auth.authenticate(accessToken, true)).isInstanceOf(ParleyException.class);
        assertThatThrownBy(() -> auth.authenticate(bearer(tokens.issueStreamTicket("ana", Duration.ofSeconds(30))
                .ticket()), false)).hasMessageContaining("not an admin token");
    }

    @Test
    void aTicketExpiresLikeAToken() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setParameter("ticket", tokens.issueStreamTicket("ana", Duration.ofSeconds(30)).ticket());

        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> auth.authenticate(request, true)).hasMessageContaining("expired");
    }

    @Test
    void aSignedOutTokenIsRefused() {
        MockHttpServletRequest request = bearer(tokens.issue("ana", Duration.ofMinutes(1)));
        assertThat(auth.authenticate(request, false)).isEqualTo("ana");

        auth.signOut(request);

        assertThatThrownBy(() -> auth.authenticate(request, false)).hasMessageContaining("signed out");
    }

    @Test
    void aShortSecretIsRejectedAtConstruction() {
        assertThatThrownBy(() -> new JwtAdminAuthenticator(new byte[16], null, clock, Duration.ZERO))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }
}
