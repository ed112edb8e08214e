package io.jwtdropin.junit5;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A key-set server on 127.0.0.1 for tests, with the faults an identity provider has: it can be taken down and
 * brought back on the same port, answer slowly, fail with 500, serve malformed or oversized bodies. It counts
 * the requests it answers.
 */
public final class JwksServer implements AutoCloseable {

    /** How the next requests are answered. */
    public enum Mode { OK, SLOW, ERROR_500, MALFORMED, OVERSIZED }

    private final int port;
    private final SSLContext tls;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String body = "{\"keys\":[]}";
    private volatile String cacheControl;
    private volatile Mode mode = Mode.OK;
    private volatile long slowMillis = 5000;
    private HttpServer server;

    private JwksServer(int port, SSLContext tls) {
        this.port = port;
        this.tls = tls;
    }

    /** An HTTP server on {@code 127.0.0.1:port}, serving {@code /jwks}. */
    public static JwksServer http(int port) {
        JwksServer jwks = new JwksServer(port, null);
        jwks.up();
        return jwks;
    }

    /** The same over HTTPS with the server certificate in {@code tls}. */
    public static JwksServer https(int port, SSLContext tls) {
        JwksServer jwks = new JwksServer(port, tls);
        jwks.up();
        return jwks;
    }

    public URI uri() {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port + "/jwks");
    }

    /** Serves {@code jwks} from now on (with {@code Cache-Control} if set by {@link #cacheControl}). */
    public JwksServer serve(String jwks) {
        this.body = jwks;
        return this;
    }

    public JwksServer cacheControl(String value) {
        this.cacheControl = value;
        return this;
    }

    public JwksServer mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    /** How long {@link Mode#SLOW} waits before answering. */
    public JwksServer slowMillis(long millis) {
        this.slowMillis = millis;
        return this;
    }

    /** Requests answered (in any mode) so far. */
    public int requests() {
        return requests.get();
    }

    public void resetCount() {
        requests.set(0);
    }

    /** Starts listening (again) on the port. */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            if (tls == null) {
                server = HttpServer.create(address, 200);
            } else {
                HttpsServer https = HttpsServer.create(address, 200);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
            server.createContext("/jwks", this::answer);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** Stops listening: connections are refused until {@link #up()}. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        down();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        Mode now = mode;
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            if (now == Mode.SLOW) {
                Thread.sleep(slowMillis);
            }
            int status = now == Mode.ERROR_500 ? 500 : 200;
            byte[] bytes = switch (now) {
                case MALFORMED -> "{\"keys\":[{\"kty\":".getBytes(StandardCharsets.UTF_8);
                case OVERSIZED -> ("{\"keys\":[],\"pad\":\"" + "x".repeat(4 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
                case ERROR_500 -> "internal error".getBytes(StandardCharsets.UTF_8);
                default -> body.getBytes(StandardCharsets.UTF_8);
            };
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            if (cacheControl != null) {
                exchange.getResponseHeaders().set("Cache-Control", cacheControl);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout or size limit): nothing to answer
        }
    }
}
