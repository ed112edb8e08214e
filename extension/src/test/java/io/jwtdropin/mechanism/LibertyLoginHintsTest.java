package io.jwtdropin.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.Set;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;

class LibertyLoginHintsTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln";

    @Test
    void absentWhereLibertysApiIsNot() {
        assertNull(LibertyLoginHints.onLiberty(LibertyLoginHintsTest.class.getClassLoader()));
    }

    @Test
    void theClientSubjectGetsTheCacheKeyAndNoLtpa() {
        LibertyLoginHints hints = new LibertyLoginHints("jwtdropin:test:");
        Subject subject = new Subject();
        hints.addTo(subject, TOKEN);
        @SuppressWarnings("rawtypes")
        Set<Hashtable> credentials = subject.getPrivateCredentials(Hashtable.class);
        assertEquals(1, credentials.size());
        Hashtable<?, ?> credential = credentials.iterator().next();
        assertEquals(hints.cacheKey(TOKEN), credential.get(LibertyLoginHints.CACHE_KEY));
        assertEquals(Boolean.TRUE, credential.get(LibertyLoginHints.NO_LTPA_COOKIE));
        assertEquals(Boolean.TRUE, credential.get(LibertyLoginHints.NO_LTPA_CACHE));
        assertEquals(3, credential.size());
    }

    @Test
    void oneKeyPerTokenWithinADeploymentNeverAcrossDeployments() {
        LibertyLoginHints one = new LibertyLoginHints("jwtdropin:one:");
        LibertyLoginHints other = new LibertyLoginHints("jwtdropin:other:");
        assertEquals(one.cacheKey(TOKEN), one.cacheKey(TOKEN));
        assertNotEquals(one.cacheKey(TOKEN), one.cacheKey(TOKEN + "x"));
        assertNotEquals(one.cacheKey(TOKEN), other.cacheKey(TOKEN));
        assertTrue(one.cacheKey(TOKEN).startsWith("jwtdropin:one:"));
        assertEquals("jwtdropin:one:".length() + 43, one.cacheKey(TOKEN).length(), "a SHA-256, not the token");
    }
}
