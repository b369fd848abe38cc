package dev.parley.chat.spring.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Parley's own admin authentication (used without Spring Security): a JWT in {@code Authorization: Bearer}, signed
 * with HS256 and the configured secret, with an expiry, whose subject is the admin id. Unsigned ({@code alg: none}),
 * otherwise signed, badly signed, expired, not-yet-valid and revoked (signed-out) tokens are refused with 401.
 *
 * <p>The admin event stream, which browsers open without headers, takes a stream ticket in {@code ?ticket=}
 * instead ({@link AdminTokens#issueStreamTicket}): short-lived, usable once, and never valid as a bearer token.
 * The bearer token itself is never accepted in a URL.
 */
public final class JwtAdminAuthenticator implements AdminAuthenticator {

    /** The shortest secret accepted, in bytes (HS256 needs 256 bits). */
    public static final int MIN_SECRET_BYTES = 32;

    /** The query parameter of the admin stream's ticket. */
    public static final String TICKET_PARAMETER = "ticket";

    private final @Nullable MACVerifier verifier;
    private final @Nullable String issuer;
    private final Clock clock;
    private final Duration clockSkew;
    private final TokenRevocations revocations;

    /** An authenticator whose revocations are kept in memory. */
    public JwtAdminAuthenticator(byte @Nullable [] secret, @Nullable String issuer, Clock clock, Duration clockSkew) {
        this(secret, issuer, clock, clockSkew, new MemoryTokenRevocations(clock));
    }

    /**
     * @param secret      the HS256 secret (at least 32 bytes), or null to refuse every request
     * @param issuer      the required issuer, or null
     * @param clock       the clock for expiry checks
     * @param clockSkew   the tolerance of time checks
     * @param revocations the signed-out tokens and used stream tickets
     */
    public JwtAdminAuthenticator(byte @Nullable [] secret, @Nullable String issuer, Clock clock, Duration clockSkew,
            TokenRevocations revocations) {
        this.verifier = secret == null ? null : verifier(secret);
        this.issuer = issuer == null || issuer.isBlank() ? null : issuer;
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.revocations = revocations;
    }

    private static MACVerifier verifier(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("parley.security.jwt-secret must be at least " + MIN_SECRET_BYTES
                    + " bytes long, was " + secret.length);
        }
        try {
            return new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException("parley.security.jwt-secret cannot be used for HS256", e);
        }
    }

    @Override
    public String authenticate(HttpServletRequest request, boolean allowQueryToken) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null && allowQueryToken && request.getParameter(TICKET_PARAMETER) != null) {
            return useTicket(request.getParameter(TICKET_PARAMETER).strip());
        }
        JWTClaimsSet claims = verify(bearer(request, allowQueryToken));
        if (AdminTokens.STREAM_TICKET.equals(claims.getClaim(AdminTokens.USE_CLAIM))) {
            throw unauthenticated("a stream ticket is not an admin token; send it only as ?ticket= to the stream");
        }
        String id = claims.getJWTID();
        if (id != null && revocations.isRevoked(id)) {
            throw unauthenticated("the token was signed out");
        }
        return subject(claims);
    }

    /**
     * Revokes the request's bearer token (already authenticated) until it expires, on every node sharing the
     * revocations.
     *
     * @throws ParleyException VALIDATION when the token has no id ({@code jti}) and cannot be revoked
     */
    public void signOut(HttpServletRequest request) {
        JWTClaimsSet claims = verify(bearer(request, false));
        if (claims.getJWTID() == null) {
            throw ParleyException.invalid("this token has no id (jti) and cannot be revoked; it stays valid until "
                    + "it expires");
        }
        revocations.revoke(claims.getJWTID(), claims.getExpirationTime().toInstant().plus(clockSkew));
    }

    private String useTicket(String ticket) {
        JWTClaimsSet claims = verify(ticket);
        if (!AdminTokens.STREAM_TICKET.equals(claims.getClaim(AdminTokens.USE_CLAIM)) || claims.getJWTID() == null) {
            throw unauthenticated("'ticket' must be a stream ticket from POST /api/v1/admin/chat/stream-ticket");
        }
        if (!revocations.revoke(claims.getJWTID(), claims.getExpirationTime().toInstant().plus(clockSkew))) {
            throw unauthenticated("the stream ticket was already used; ask for a new one");
        }
        return subject(claims);
    }

    /** The claims of a token with a valid signature, expiry, not-before time and issuer. */
    private JWTClaimsSet verify(String token) {
        if (verifier == null) {
            throw unauthenticated("admin authentication is not configured on this server "
                    + "(set parley.security.jwt-secret)");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw unauthenticated("the token is not a signed JWT");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw unauthenticated("the token must be signed with HS256");
        }
        try {
            if (!jwt.verify(verifier)) {
                throw unauthenticated("the token's signature is not valid");
            }
        } catch (JOSEException e) {
            throw unauthenticated("the token's signature is not valid");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw unauthenticated("the token's claims cannot be read");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw unauthenticated("the token has no expiry (exp)");
        }
        if (now.isAfter(exp.toInstant().plus(clockSkew))) {
            throw unauthenticated("the token has expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.isBefore(nbf.toInstant().minus(clockSkew))) {
            throw unauthenticated("the token is not valid yet");
        }
        if (issuer != null && !issuer.equals(claims.getIssuer())) {
            throw unauthenticated("the token has the wrong issuer");
        }
        return claims;
    }

    private static String subject(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw unauthenticated("the token has no subject (sub), which must be the admin id");
        }
        return subject;
    }

    private static String bearer(HttpServletRequest request, boolean allowQueryToken) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7) {
            return header.substring(7).strip();
        }
        if (header != null) {
            throw unauthenticated("the Authorization header must be 'Bearer <token>'");
        }
        if (allowQueryToken) {
            throw unauthenticated("an admin token or a stream ticket is required: send 'Authorization: Bearer "
                    + "<token>', or get a ticket with POST /api/v1/admin/chat/stream-ticket and pass ?ticket=");
        }
        throw unauthenticated("an admin token is required: send 'Authorization: Bearer <token>'");
    }

    private static ParleyException unauthenticated(String message) {
        return new ParleyException(ErrorCode.UNAUTHENTICATED, message);
    }
}
