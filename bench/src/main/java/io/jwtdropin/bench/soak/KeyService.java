package io.jwtdropin.bench.soak;

import io.jwtdropin.junit5.JwksServer;
import io.jwtdropin.junit5.TestKeyPair;
import io.jwtdropin.junit5.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The identity provider of the soak: a real key-set server on loopback (the test helper's {@link JwksServer}) and
 * the key pairs it publishes. Rotation is the provider's two steps: publish the new key beside the old, and later
 * remove the old. Callers switch to the new key's tokens only once the server has fetched the set that holds it, and
 * treat the old key's tokens as refused only once it has fetched the set without it — so every expected outcome is
 * certain, never a race with the server's refresh.
 */
final class KeyService implements AutoCloseable {

    static final String ISSUER = "https://idp.soak.jwt-dropin.example";
    static final String AUDIENCE = "soak-api";
    private static final int POOL = 100;

    /** The tokens of one key: a pool reused across requests, and the key for fresh ones. */
    record Generation(TestKeyPair key, List<String> reused) {
        TestTokens.Token token(String user) {
            return key.tokens(ISSUER).forUser(user).groups("user", "reader").audience(AUDIENCE);
        }
    }

    private final JwksServer jwks;
    private int serial;
    private volatile Generation current;
    /** The generation before, once the server has certainly stopped trusting its key; else null. */
    private volatile Generation retired;
    private Generation previous;

    KeyService(int port) {
        this.current = generation();
        this.jwks = JwksServer.http(port).serve(TestKeyPair.jwks(current.key())).cacheControl("max-age=60");
    }

    String location() {
        return jwks.uri().toString();
    }

    Generation current() {
        return current;
    }

    Generation retired() {
        return retired;
    }

    /** The provider's availability from now on (see {@link JwksServer.Mode}). */
    void mode(JwksServer.Mode mode) {
        jwks.mode(mode);
    }

    /** Takes the key-set server off its port (connections refused) and back. */
    void down() {
        jwks.down();
    }

    void up() {
        jwks.up();
    }

    /** Step one: publish a new key beside the current one; its tokens are used once the server has fetched it. */
    void publishNext(Duration within) throws InterruptedException {
        Generation next = generation();
        jwks.serve(TestKeyPair.jwks(current.key(), next.key()));
        if (awaitFetch(within)) {
            previous = current;
            current = next;
            retired = null;
        }
    }

    /** Step two: remove the key before; its tokens count as refused once the server has fetched the set without it. */
    void retirePrevious(Duration within) throws InterruptedException {
        if (previous == null) {
            return;
        }
        jwks.serve(TestKeyPair.jwks(current.key()));
        if (awaitFetch(within)) {
            retired = previous;
            previous = null;
        }
    }

    /** Waits for a fetch that started after now, then a second for the server to take the answer in. */
    private boolean awaitFetch(Duration within) throws InterruptedException {
        int before = jwks.requests();
        long deadline = System.nanoTime() + within.toNanos();
        while (jwks.requests() == before) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        TimeUnit.SECONDS.sleep(1);
        return true;
    }

    private Generation generation() {
        Generation empty = new Generation(TestKeyPair.generate("soak-key-" + ++serial), List.of());
        List<String> reused = IntStream.range(0, POOL)
                .mapToObj(i -> empty.token("user" + i).expiresIn(Duration.ofHours(2)).sign()).toList();
        return new Generation(empty.key(), reused);
    }

    @Override
    public void close() {
        jwks.close();
    }
}
