package io.jwtdropin.token;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A stand-in for the few HttpServletRequest methods extraction and the CSRF guard read; the ITs use real servers. */
final class TestRequests {

    private TestRequests() {
    }

    /** @param headers name/value pairs; a name may repeat */
    static HttpServletRequest request(String method, String... headers) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.computeIfAbsent(headers[i].toLowerCase(), k -> new java.util.ArrayList<>()).add(headers[i + 1]);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(TestRequests.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> map.getOrDefault(((String) args[0]).toLowerCase(), List.of()).stream()
                            .findFirst().orElse(null);
                    case "getHeaders" -> Collections.enumeration(map.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                    case "getScheme" -> "https";
                    case "getServerName" -> "app.example";
                    case "getServerPort" -> 443;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
