package io.jwtdropin.verify;

import io.jwtdropin.keys.ParsedKey;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import java.security.PrivateKey;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decrypts a JWE (RSA-OAEP family, as MP-JWT requires) and returns its content, the nested signed JWT, which the
 * caller parses and verifies like any other: sign-then-encrypt only (RFC 8725 §3.3). Compression ({@code zip}) is
 * refused.
 */
final class JweDecryptor {

    private static final Set<EncryptionMethod> CONTENT_ENCRYPTION = Set.of(EncryptionMethod.A128GCM,
            EncryptionMethod.A192GCM, EncryptionMethod.A256GCM, EncryptionMethod.A128CBC_HS256,
            EncryptionMethod.A192CBC_HS384, EncryptionMethod.A256CBC_HS512);

    private final List<ParsedKey> keys;
    private final Set<JWEAlgorithm> algorithms;

    JweDecryptor(List<ParsedKey> keys, Set<String> algorithms) {
        this.keys = List.copyOf(keys);
        this.algorithms = algorithms.stream().map(JWEAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
    }

    /** @return the decrypted content: by {@code cty: JWT}, a compact JWS the caller checks and verifies */
    String decrypt(String token) throws TokenRejectedException {
        EncryptedJWT jwe;
        JsonLimits.checkedText(Base64URL.from(token.substring(0, token.indexOf('.'))).decode());
        try {
            jwe = EncryptedJWT.parse(token);
        } catch (ParseException e) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "JWE: " + e.getMessage());
        }
        JWEHeader header = jwe.getHeader();
        if (header.getCriticalParams() != null) {
            throw new TokenRejectedException(FailureReason.CRITICAL_HEADER, "JWE");
        }
        if (!algorithms.contains(header.getAlgorithm())) {
            throw new TokenRejectedException(FailureReason.ALGORITHM_NOT_ALLOWED, "JWE alg " + header.getAlgorithm());
        }
        if (!CONTENT_ENCRYPTION.contains(header.getEncryptionMethod()) || header.getCompressionAlgorithm() != null) {
            throw new TokenRejectedException(FailureReason.ALGORITHM_NOT_ALLOWED, "JWE enc or zip");
        }
        if (header.getContentType() == null || !"JWT".equalsIgnoreCase(header.getContentType())) {
            throw new TokenRejectedException(FailureReason.NOT_NESTED, "cty " + header.getContentType());
        }
        for (ParsedKey key : candidates(header.getKeyID())) {
            try {
                jwe.decrypt(new RSADecrypter((PrivateKey) key.key()));
                return jwe.getPayload().toString();
            } catch (JOSEException | IllegalStateException e) {
                // try the next candidate key; a JWEObject that failed stays in the ENCRYPTED state
            }
        }
        throw new TokenRejectedException(FailureReason.DECRYPTION_FAILED);
    }

    private List<ParsedKey> candidates(String kid) {
        List<ParsedKey> named = kid == null ? List.of() : keys.stream().filter(k -> kid.equals(k.kid())).toList();
        return named.isEmpty() ? keys : named;
    }
}
