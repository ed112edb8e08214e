package io.jwtdropin.it.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Another origin on the same host (a different port: same site, so a SameSite=Strict cookie still goes along —
 * the case only an Origin check stops) serving a page whose form posts to the victim's state-changing endpoint.
 */
final class AttackerSite implements AutoCloseable {

    static final int PORT = 18081;

    private final HttpServer server;
    private final String origin;

    AttackerSite(URL victim) throws IOException {
        String target = victim.toExternalForm() + "api/notes";
        String page = "<!DOCTYPE html><html><body><h1>You won a prize</h1>"
                + "<form id=f method=post action='" + target + "'><input name=text value=pwned></form>"
                + "<script>document.getElementById('f').submit()</script></body></html>";
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/prize.html", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        origin = victim.getProtocol() + "://" + victim.getHost() + ":" + PORT;
    }

    String pageUrl() {
        return origin + "/prize.html";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
