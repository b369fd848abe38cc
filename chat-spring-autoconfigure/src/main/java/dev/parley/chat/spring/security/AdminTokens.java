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

    /** A token for the admin, valid for {@code ttl}. */
    public String issue(String adminId, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(adminId)
                .issuer(issuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the token", e);
        }
        return jwt.serialize();
    }
}
