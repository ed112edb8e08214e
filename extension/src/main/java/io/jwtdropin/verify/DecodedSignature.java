package io.jwtdropin.verify;

import com.nimbusds.jose.util.Base64URL;

/**
 * A token's signature, decoded once by the JDK's base64url decoder and handed to nimbus's verifiers as the
 * {@link Base64URL} they expect. Nimbus decodes a {@code Base64URL} character by character on every
 * {@link #decode()}; in the RS256 profile that decoding was 13 % of the whole verification (see README,
 * Performance), more than all our parsing together. DPoP proofs use it too.
 */
public final class DecodedSignature extends Base64URL {

    private static final long serialVersionUID = 1L;

    private final transient byte[] bytes;

    /** @param bytes what {@code base64url} decodes to */
    public DecodedSignature(String base64url, byte[] bytes) {
        super(base64url);
        this.bytes = bytes;
    }

    /** The decoded bytes; shared, not copied: the verifiers only read them. */
    @Override
    public byte[] decode() {
        return bytes;
    }
}
