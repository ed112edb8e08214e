package io.jwtdropin.verify;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A compact JWS taken apart once, with nothing decoded twice: the header (from the {@link HeaderCache}), the signing
 * input, the signature and the payload bytes. Parsing it ourselves instead of through nimbus's {@code SignedJWT}
 * saves a second JSON parser and its objects on every request; the signature itself is still checked by nimbus's
 * verifiers.
 *
 * @param token must already have passed {@link CompactForm#segments}
 */
record CompactJws(JWSHeader header, String kid, byte[] signingInput, Base64URL signature, byte[] payload) {

    static CompactJws parse(String token, HeaderCache headers) throws TokenRejectedException {
        int dot1 = token.indexOf('.');
        int dot2 = token.indexOf('.', dot1 + 1);
        if (dot2 == token.length() - 1) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "no signature");
        }
        HeaderCache.Header header = headers.header(token, dot1);
        // The token as bytes, once; payload and signature are decoded from them without substrings. ISO-8859-1
        // rather than US-ASCII: for a token that is all Latin-1 (as every token is, once its characters are checked)
        // it is a plain copy, while US-ASCII looks at every byte (≈ 110 ns per RS256 token, see StageCosts). Nothing
        // is lost: a character beyond Latin-1 becomes '?' and one in U+0080..U+00FF a byte above 0x7F, both refused
        // by the strict decoder that reads every character of the header (HeaderCache), payload and signature, so
        // no character can pass for the letter it resembles, and the signing input holds only checked bytes.
        byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
        byte[] payload = decode(bytes, dot1 + 1, dot2);
        byte[] signature = decode(bytes, dot2 + 1, bytes.length);
        return new CompactJws(header.jws(), header.kid(), Arrays.copyOf(bytes, dot2),
                new DecodedSignature(token.substring(dot2 + 1), signature), payload);
    }

    static JsonObject object(String text, JsonReaderFactory json) throws TokenRejectedException {
        try (JsonReader reader = json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "not a JSON object");
        }
    }

    static byte[] decode(String segment) throws TokenRejectedException {
        try {
            return Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "not base64url");
        }
    }

    /** Decodes {@code bytes[from, to)}. */
    private static byte[] decode(byte[] bytes, int from, int to) throws TokenRejectedException {
        try {
            ByteBuffer decoded = Base64.getUrlDecoder().decode(ByteBuffer.wrap(bytes, from, to - from));
            byte[] array = decoded.array();
            return decoded.arrayOffset() == 0 && decoded.remaining() == array.length ? array
                    : Arrays.copyOfRange(array, decoded.arrayOffset() + decoded.position(),
                            decoded.arrayOffset() + decoded.limit());
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException(FailureReason.MALFORMED, "not base64url");
        }
    }
}
