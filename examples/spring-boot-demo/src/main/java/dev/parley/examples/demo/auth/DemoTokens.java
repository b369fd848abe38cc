package dev.parley.examples.demo.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.chat.admin.Admin;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Issues and checks the demo's admin tokens: HS256 JWTs signed with {@code parley.security.jwt-secret}, whose
 * subject is the admin's id — exactly what Parley's admin API accepts.
 */
public final class DemoTokens {

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;
    private final Duration lifetime;

    /**
     * @param secret   the shared secret (at least 32 bytes in UTF-8)
     * @param clock    the clock
     * @param lifetime how long a token is valid
     */
    public DemoTokens(String secret, Clock clock, Duration lifetime) {
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("parley.security.jwt-secret must be at least 32 bytes long", e);
        }
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A signed token for the admin. */
    public IssuedToken issue(Admin admin) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(admin.id())
                .claim("name", admin.name())
                .issuer("parley-demo")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), expires);
    }

    /** The admin id of a valid bearer token, or empty for a missing, malformed, badly signed or expired one. */
    public Optional<String> verify(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (exp == null || !exp.toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.ofNullable(claims.getSubject());
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    /**
     * A token and when it expires.
     *
     * @param token     the compact JWT
     * @param expiresAt its expiry
     */
    public record IssuedToken(String token, Instant expiresAt) {}
}
