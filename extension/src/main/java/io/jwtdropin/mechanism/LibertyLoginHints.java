package io.jwtdropin.mechanism;

import io.jwtdropin.verify.VerifiedToken;
import java.util.Base64;
import java.util.Hashtable;
import java.util.UUID;
import javax.security.auth.Subject;

/**
 * What the mechanism tells Open Liberty with a caller, so that Liberty's own bookkeeping stops costing more than
 * the token's verification. After a mechanism reports a caller, Liberty runs a JAAS login and puts the new subject
 * into its authentication cache, keyed (among others) by the subject's LTPA token, which it creates, encrypts and
 * signs with RSA for that purpose alone: about half of a secured request's CPU on Liberty, every request, where our
 * verification is a few per cent. Two entries of the custom credential (a {@code Hashtable} in the client subject,
 * which Liberty's JASPI bridge fills with the caller and groups) change that:
 * <ul>
 *   <li>{@code com.ibm.wsspi.security.cred.cacheKey} (documented for JASPI providers and TAIs): the cache entry's
 *   name, so a token seen before finds its subject and the login is skipped. The key is the token's SHA-256 within a
 *   random scope per deployment: Liberty's cache is server-wide, and two applications (or a redeployment with other
 *   group mappings) must never share an entry.</li>
 *   <li>Liberty's internal flags that the subject carries no LTPA single sign-on (the names of
 *   {@code AuthenticationConstants.INTERNAL_DISABLE_SSO_LTPA_COOKIE} and {@code ..._CACHE}, which Liberty's own
 *   SPNEGO and OpenID Connect client set): a bearer token is no SSO session, and no LTPA token is signed to key the
 *   cache. Were a later Liberty to rename them, the cost would come back, not a behaviour.</li>
 * </ul>
 * Safe because the mechanism has verified the token (signature, times, revocation, DPoP proof) on this very request
 * before it reports the caller: the cache only replaces Liberty's re-creation of the same subject. Used only where
 * Liberty's API is visible; no other server sees the credential.
 */
final class LibertyLoginHints {

    static final String CACHE_KEY = "com.ibm.wsspi.security.cred.cacheKey";
    static final String NO_LTPA_COOKIE = "com.ibm.ws.authentication.internal.sso.disable.ltpa.cookie";
    static final String NO_LTPA_CACHE = "com.ibm.ws.authentication.internal.sso.disable.ltpa.cache";
    private static final String LIBERTY_SUBJECT = "com.ibm.websphere.security.auth.WSSubject";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final String scope;

    LibertyLoginHints(String scope) {
        this.scope = scope;
    }

    /** The hints for this deployment on Liberty; null elsewhere. */
    static LibertyLoginHints onLiberty(ClassLoader loader) {
        try {
            Class.forName(LIBERTY_SUBJECT, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return new LibertyLoginHints("jwtdropin:" + UUID.randomUUID() + ":");
    }

    /** Adds the hints for the caller of {@code rawToken}, a token verified on this request, to the client subject. */
    void addTo(Subject clientSubject, String rawToken) {
        Hashtable<String, Object> credential = new Hashtable<>();
        credential.put(CACHE_KEY, cacheKey(rawToken));
        credential.put(NO_LTPA_COOKIE, Boolean.TRUE);
        credential.put(NO_LTPA_CACHE, Boolean.TRUE);
        clientSubject.getPrivateCredentials().add(credential);
    }

    String cacheKey(String rawToken) {
        return scope + BASE64.encodeToString(VerifiedToken.digest(rawToken));
    }
}
