package io.jwtdropin.it.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.it.support.Deployments;
import io.jwtdropin.it.support.Http;
import io.jwtdropin.junit5.JwtTestKeys;
import io.jwtdropin.junit5.TestTokens;
import java.net.URL;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our counters as the server publishes them: on Payara, MicroProfile Metrics' {@code /metrics?scope=application}
 * (Prometheus text); on a server without MicroProfile Metrics (GlassFish 7) the jar works the same and keeps none.
 * Tokens come from the test helper ({@link JwtTestKeys}), which also gives the deployment its keys.
 */
@ExtendWith({JwtTestKeys.class, ArquillianExtension.class})
class MetricsIT {

    static final Pattern SAMPLE = Pattern.compile("^(jwtdropin_[a-z_]+_total)\\{([^}]*)\\} ([0-9.E+-]+)$", Pattern.MULTILINE);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.configuredWar("metrics", JwtTestKeys.microProfileConfig(), MetricsApp.class, CallerResource.class);
    }

    @ArquillianResource
    URL base;

    String lastText = "";

    /** Counter samples by name plus the reason tag, when there is one. */
    Map<String, Double> counters() {
        String text = Http.get(base, "/metrics", "Accept", "text/plain").body();
        Map<String, Double> counters = new TreeMap<>();
        lastText = text;
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            Matcher reason = Pattern.compile("reason=\"([^\"]+)\"").matcher(m.group(2));
            counters.put(m.group(1) + (reason.find() ? "{" + reason.group(1) + "}" : ""), Double.valueOf(m.group(3)));
        }
        return counters;
    }

    double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }

    @Test
    void acceptedRefusedAndCacheUseAreCounted(TestTokens tokens) {
        boolean metrics = System.getProperty("it.server", "payara").startsWith("payara"); // Payara 6 and 7 have MP Metrics
        Map<String, Double> before = metrics ? counters() : Map.of();
        String token = tokens.forUser("alice").groups("user").sign();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Http.get(base, "api/caller", "Authorization", Http.bearer(token)).statusCode());
        }
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertEquals(401, Http.get(base, "api/caller", "Authorization", Http.bearer(forged)).statusCode());
        assertEquals(401, Http.get(base, "api/caller", "Authorization", Http.bearer("garbage")).statusCode());
        if (!metrics) {
            return; // no MicroProfile Metrics on this server: working without it is the test
        }
        Map<String, Double> after = counters();
        System.out.println("MetricsIT: " + after);
        assertEquals(3.0, delta(before, after, "jwtdropin_tokens_accepted_total"), lastText);
        assertEquals(1.0, delta(before, after, "jwtdropin_tokens_refused_total{JWTD-105}"), "bad signature");
        assertEquals(1.0, delta(before, after, "jwtdropin_tokens_refused_total{JWTD-102}"), "malformed");
        assertEquals(2.0, delta(before, after, "jwtdropin_cache_hits_total"));
        assertTrue(delta(before, after, "jwtdropin_cache_misses_total") >= 2.0, "the first use and the forged token");
        assertTrue(after.containsKey("jwtdropin_keys_fetches_total"), "registered even with no remote keys");
    }
}
