package io.jwtdropin.verify;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * A token that passed every check: the raw text, its claims as JSON-P, and the caller it names.
 *
 * @param rawToken the compact token as received
 * @param claims   the (inner, for JWE) payload
 * @param name     {@code upn}, else {@code preferred_username}, else {@code sub}
 * @param groups   the {@code groups} claim; empty when absent or not an array of strings
 * @param times    its NumericDates, checked again whenever a cached token is used
 */
public record VerifiedToken(String rawToken, JsonObject claims, String name, Set<String> groups, TokenTimes times) {

    public VerifiedToken {
        groups = Set.copyOf(groups);
    }

    /** The SHA-256 of a compact token: what names it wherever the token itself must not be kept. */
    public static byte[] digest(String rawToken) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(rawToken.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
