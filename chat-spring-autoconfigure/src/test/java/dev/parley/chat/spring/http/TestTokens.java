package dev.parley.chat.spring.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Tokens for tests, good and bad, signed with secrets generated per test run. */
final class TestTokens {

    /** A fresh random secret (48 random bytes, base64: 64 characters). */
    static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String signed(String secret, JWSAlgorithm alg, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String valid(String secret, String subject) {
        return signed(secret, JWSAlgorithm.HS256, claims(subject, Instant.now().plus(Duration.ofMinutes(10))));
    }

    static String expired(String secret, String subject) {
        return signed(secret, JWSAlgorithm.HS256, claims(subject, Instant.now().minus(Duration.ofHours(1))));
    }

    static String withoutExpiry(String secret, String subject) {
        return signed(secret, JWSAlgorithm.HS256, new JWTClaimsSet.Builder().subject(subject).build());
    }

    /** An unsigned token ({@code alg: none}) with a valid-looking body. */
    static String algNone(String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(claims(subject, Instant.now().plus(Duration.ofMinutes(10))).toString()
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + body + ".";
    }

    static JWTClaimsSet claims(String subject, Instant expiry) {
        return new JWTClaimsSet.Builder().subject(subject).issueTime(new Date())
                .expirationTime(Date.from(expiry)).build();
    }

    private TestTokens() {}
}
