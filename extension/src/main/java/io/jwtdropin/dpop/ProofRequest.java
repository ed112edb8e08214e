package io.jwtdropin.dpop;

import java.util.List;

/**
 * What a request presented for DPoP, taken from it by the servlet layer so that the checks stay container-free.
 *
 * @param dpopScheme whether the token came as {@code Authorization: DPoP} (not {@code Bearer}, not a cookie)
 * @param proofs     the values of every {@code DPoP} header
 * @param method     the request method
 * @param url        the URL the client called: scheme, authority and path, no query
 */
public record ProofRequest(boolean dpopScheme, List<String> proofs, String method, String url) {

    public ProofRequest {
        proofs = List.copyOf(proofs);
    }
}
