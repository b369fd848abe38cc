package dev.parley.chat.spring.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Issues admin tokens that {@link JwtAdminAuthenticator} accepts: HS256 JWTs with the admin id as subject and an
 * expiry. A host calls it after its own login (e.g. to hand its dashboard a token); available as a bean when
 * {@code parley.security.jwt-secret} is set.
 */
public final class AdminTokens {

    /** The claim that marks a stream ticket. */
    static final String USE_CLAIM = "use";
    /** Its value on a stream ticket. */
    static final String STREAM_TICKET = "stream";

    private final MACSigner signer;
    private final @Nullable String issuer;
    private final Clock clock;

    /**
     * @param secret the HS256 secret, at least 32 bytes
     * @param issuer the issuer to write, or null
     * @param clock  the clock for issue and expiry times
     */
    public AdminTokens(byte[] secret, @Nullable String issuer, Clock clock) {
        if (secret.length < JwtAdminAuthenticator.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the secret must be at least "
                    + JwtAdminAuthenticator.MIN_SECRET_BYTES + " bytes long");
        }
        try {
            this.signer = new MACSigner(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the secret cannot be used for HS256", e);
        }
        this.issuer = issuer == null || issuer.isBlank() ? null : issuer;
        this.clock = clock;
    }

    /** A token for the admin, valid for {@code ttl}; signing out ({@code POST /api/v1/admin/sign-out}) revokes it. */
    public String issue(String adminId, Duration ttl) {
        return sign(claims(adminId, ttl).build());
    }

    /**
     * A ticket that opens the admin event stream once ({@code GET /api/v1/admin/chat/stream?ticket=}), valid for
     * {@code ttl}; it is not accepted as a bearer token.
     */
    public StreamTicket issueStreamTicket(String adminId, Duration ttl) {
        JWTClaimsSet claims = claims(adminId, ttl).claim(USE_CLAIM, STREAM_TICKET).build();
        return new StreamTicket(sign(claims), claims.getExpirationTime().toInstant());
    }

    private JWTClaimsSet.Builder claims(String adminId, Duration ttl) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .subject(adminId)
                .issuer(issuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the token", e);
        }
        return jwt.serialize();
    }

    /**
     * A one-use ticket for the admin event stream.
     *
     * @param ticket    the value of the {@code ticket} query parameter
     * @param expiresAt when it can no longer be used
     */
    public record StreamTicket(String ticket, Instant expiresAt) {}
}
