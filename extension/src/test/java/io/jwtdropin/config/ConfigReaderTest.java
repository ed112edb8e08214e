package io.jwtdropin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReaderTest {

    private static JwtAuthConfig read(Map<String, String> values) {
        return ConfigReader.read(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void defaults() {
        JwtAuthConfig config = read(Map.of());
        assertTrue(config.verificationKey().implicit());
        assertEquals("/publicKey.pem", config.verificationKey().value());
        assertEquals(Set.of(TokenTransport.Source.AUTHORIZATION_HEADER), config.transport().sources());
        assertEquals("Bearer", config.transport().cookieName());
        assertEquals("Strict", config.transport().sameSite());
        assertTrue(config.transport().csrfProtection());
        assertEquals(2048, config.minRsaBits());
        assertEquals(Optional.empty(), config.issuing());
        assertEquals(Duration.ofSeconds(60), config.clockSkew());
        assertEquals(Optional.empty(), config.maxTokenAge());
        assertEquals(Set.of("RSA-OAEP", "RSA-OAEP-256"), config.decryptAlgorithms());
        assertEquals(8192, config.maxTokenLength());
    }

    @Test
    void standardKeys() {
        JwtAuthConfig config = read(Map.of(
                "mp.jwt.verify.publickey.location", "https://idp.example/jwks",
                "mp.jwt.verify.publickey.algorithm", "ES256",
                "mp.jwt.verify.issuer", "https://idp.example",
                "mp.jwt.verify.audiences", "a, b,,c",
                "mp.jwt.token.header", "Cookie",
                "mp.jwt.token.cookie", "jwt",
                "mp.jwt.verify.clock.skew", "5",
                "mp.jwt.verify.token.age", "300",
                "mp.jwt.decrypt.key.algorithm", "RSA-OAEP-256"));
        assertTrue(config.verificationKey().isRemote());
        assertEquals(Set.of("ES256"), config.algorithms());
        assertEquals(Optional.of("https://idp.example"), config.issuer());
        assertEquals(Set.of("a", "b", "c"), config.audiences());
        assertEquals(Set.of(TokenTransport.Source.COOKIE), config.transport().sources());
        assertEquals("jwt", config.transport().cookieName());
        assertEquals(Duration.ofSeconds(5), config.clockSkew());
        assertEquals(Optional.of(Duration.ofSeconds(300)), config.maxTokenAge());
        assertEquals(Set.of("RSA-OAEP-256"), config.decryptAlgorithms());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "mp.jwt.verify.publickey.algorithm | HS1 | unsupported value 'HS1'",
        "mp.jwt.verify.publickey.algorithm | none | unsupported value 'none'",
        "mp.jwt.token.header | X-Token | must be 'Authorization' or 'Cookie'",
        "mp.jwt.verify.clock.skew | -1 | must not be negative",
        "mp.jwt.verify.clock.skew | soon | must be a whole number",
        "jwtdropin.token.sources | header | unsupported value 'header'",
        "jwtdropin.cookie.same-site | None | unsupported value 'None'",
        "jwtdropin.csrf.enabled | maybe | must be true or false",
        "jwtdropin.verify.rsa.min-bits | 512 | must be at least 1024",
        "mp.jwt.verify.token.age | 1.5 | must be a whole number",
        "mp.jwt.decrypt.key.algorithm | RSA1_5 | unsupported value 'RSA1_5'",
        "jwtdropin.token.max-length | 0 | must be a positive whole number",
        "jwtdropin.verify.discovery | yes | must be true or false",
        "jwtdropin.verify.require-at-jwt | 1 | must be true or false",
        "jwtdropin.groups.paths | realm_access//roles | with an empty segment",
        "jwtdropin.groups.paths | '\"https://x/roles' | unclosed double quote",
        "jwtdropin.groups.paths | ' , ' | names no claim path",
        "jwtdropin.groups.map | writer | write group=role",
        "jwtdropin.groups.map | a= | write group=role",
        "jwtdropin.logout.path | backchannel | must be a path inside the application",
        "jwtdropin.logout.path | /logout | is needed when jwtdropin.logout.path is set"})
    void invalidValueNamesKeyAndProblem(String key, String value, String problem) {
        assertInvalid(Map.of(key, value), key, problem);
    }

    @org.junit.jupiter.api.Test
    void discoveryNeedsTheIssuerAndNoKeyLocation() {
        assertInvalid(Map.of("jwtdropin.verify.discovery", "true"), "mp.jwt.verify.issuer", "discovery starts from the issuer");
        assertInvalid(Map.of("jwtdropin.verify.discovery", "true", "mp.jwt.verify.issuer", "https://idp",
                "mp.jwt.verify.publickey.location", "https://idp/jwks"), "jwtdropin.verify.discovery", "remove mp.jwt.verify.publickey.location");
        JwtAuthConfig config = read(Map.of("jwtdropin.verify.discovery", "true", "mp.jwt.verify.issuer", "https://idp/realms/a"));
        assertTrue(config.verificationKey().discovery());
        assertTrue(config.verificationKey().isRemote());
        assertEquals("https://idp/realms/a", config.verificationKey().value());
    }

    @org.junit.jupiter.api.Test
    void namedIssuerByDiscoveryWithItsOwnGroups() {
        JwtAuthConfig config = read(Map.of("jwtdropin.issuers", "kc",
                "jwtdropin.issuer.kc.issuer", "https://kc/realms/a", "jwtdropin.issuer.kc.discovery", "true",
                "jwtdropin.issuer.kc.groups.paths", "realm_access/roles", "jwtdropin.groups.paths", "scope"));
        TrustedIssuerConfig kc = config.trustedIssuers().get(0);
        assertTrue(kc.keys().discovery());
        assertEquals(java.util.List.of(java.util.List.of("realm_access", "roles")), kc.groups().paths());
        assertInvalid(Map.of("jwtdropin.issuers", "kc", "jwtdropin.issuer.kc.issuer", "https://kc",
                "jwtdropin.issuer.kc.discovery", "true", "jwtdropin.issuer.kc.publickey.location", "https://kc/jwks"),
                "jwtdropin.issuer.kc.discovery", "keys come from the issuer's discovery document");
    }

    @org.junit.jupiter.api.Test
    void logoutNeedsRevocation() {
        assertInvalid(Map.of("jwtdropin.logout.path", "/bcl", "jwtdropin.logout.audiences", "web",
                "jwtdropin.revocation.store", "off"), "jwtdropin.logout.path", "revocation must be on");
        assertEquals(Set.of("api"), read(Map.of("jwtdropin.logout.path", "/bcl", "mp.jwt.verify.audiences", "api"))
                .logout().orElseThrow().audiences());
    }

    @org.junit.jupiter.api.Test
    void theApplicationsOwnGrid() {
        RevocationConfig revocation = read(Map.of(
                "jwtdropin.revocation.jcache.provider", "com.hazelcast.client.cache.HazelcastClientCachingProvider",
                "jwtdropin.revocation.jcache.uri", "classpath:hazelcast-client.xml",
                "jwtdropin.revocation.jcache.unreachable", "start-local",
                "jwtdropin.revocation.jcache.connect-timeout", "7",
                "jwtdropin.revocation.jcache.resync-interval", "20")).revocation();
        RevocationConfig.Grid grid = revocation.grid().orElseThrow();
        assertEquals(java.net.URI.create("classpath:hazelcast-client.xml"), grid.uri().orElseThrow());
        assertEquals(RevocationConfig.Unreachable.START_LOCAL, grid.unreachable());
        assertEquals(java.time.Duration.ofSeconds(7), grid.connectTimeout());
        assertEquals(java.time.Duration.ofSeconds(20), revocation.resync());
        assertEquals(RevocationConfig.Unreachable.FAIL, read(Map.of("jwtdropin.revocation.jcache.provider", "x.P"))
                .revocation().grid().orElseThrow().unreachable(), "unreachable fails by default");
        assertTrue(read(Map.of()).revocation().grid().isEmpty());
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "jwtdropin.revocation.jcache.uri=classpath:h.xml | jwtdropin.revocation.jcache.uri | jwtdropin.revocation.jcache.provider is not",
        "jwtdropin.revocation.jcache.unreachable=fail | jwtdropin.revocation.jcache.unreachable | is not",
        "jwtdropin.revocation.jcache.provider=x.P;jwtdropin.revocation.store=memory | jwtdropin.revocation.jcache.provider | with auto or jcache only",
        "jwtdropin.revocation.jcache.provider=x.P;jwtdropin.revocation.jcache.uri=h.xml | jwtdropin.revocation.jcache.uri | absolute URI",
        "jwtdropin.revocation.jcache.provider=x.P;jwtdropin.revocation.jcache.unreachable=retry | jwtdropin.revocation.jcache.unreachable | start-local"})
    void aGridMisconfiguredFailsTheDeployment(String pairs, String key, String problem) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String pair : pairs.split(";")) {
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertInvalid(values, key, problem);
    }

    static void assertInvalid(Map<String, String> values, String key, String problem) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> read(values));
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "jwtdropin.issuers=Corp | jwtdropin.issuers | issuer names are lower-case",
        "jwtdropin.issuers=corp | jwtdropin.issuer.corp.issuer | is not set",
        "jwtdropin.issuers=corp;jwtdropin.issuer.corp.issuer=https://c | jwtdropin.issuer.corp.publickey.location | is not set",
        "jwtdropin.issuers=corp;jwtdropin.issuer.corp.issuer=https://c;jwtdropin.issuer.corp.publickey=k;jwtdropin.issuer.corp.publickey.location=/k.pem | jwtdropin.issuer.corp.publickey.location | are both set",
        "jwtdropin.issuers=a,b;jwtdropin.issuer.a.issuer=https://x;jwtdropin.issuer.a.publickey=k;jwtdropin.issuer.b.issuer=https://x;jwtdropin.issuer.b.publickey=k | jwtdropin.issuer.b.issuer | repeats the issuer",
        "jwtdropin.issuers=a;jwtdropin.issuer.a.issuer=https://x;jwtdropin.issuer.a.publickey=k;mp.jwt.verify.publickey.location=/k.pem | mp.jwt.verify.issuer | must be set",
        "jwtdropin.issuers=a;jwtdropin.issuer.a.issuer=https://x;jwtdropin.issuer.a.publickey=k;jwtdropin.issuer.a.publickey.algorithm=none | jwtdropin.issuer.a.publickey.algorithm | unsupported value",
        "jwtdropin.jwks.lifetime.min=600;jwtdropin.jwks.lifetime.max=60 | jwtdropin.jwks.lifetime.max | must not be less than",
        "jwtdropin.jwks.connect-timeout-ms=0 | jwtdropin.jwks.connect-timeout-ms | must be a positive whole number",
        "jwtdropin.jwks.max-stale=-5 | jwtdropin.jwks.max-stale | must not be negative"})
    void invalidIssuerAndRemoteKeyConfiguration(String pairs, String key, String problem) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String pair : pairs.split(";")) {
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertInvalid(values, key, problem);
    }

    @Test
    void namedIssuersJoinTheStandardOne() {
        JwtAuthConfig config = read(Map.of("mp.jwt.verify.publickey.location", "https://std/jwks",
                "mp.jwt.verify.issuer", "https://std", "jwtdropin.issuers", "corp",
                "jwtdropin.issuer.corp.issuer", "https://corp",
                "jwtdropin.issuer.corp.publickey.location", "https://corp/jwks",
                "jwtdropin.issuer.corp.audiences", "a,b"));
        assertEquals(2, config.trustedIssuers().size());
        TrustedIssuerConfig corp = config.trustedIssuers().get(1);
        assertEquals(Optional.of("https://corp"), corp.issuer());
        assertEquals(Set.of("a", "b"), corp.audiences());
        assertTrue(corp.keys().isRemote());
        assertEquals(1, read(Map.of()).trustedIssuers().size());
        assertEquals(Duration.ofSeconds(30), config.remoteKeys().minRefreshInterval());
        assertEquals(Duration.ofMillis(2000), config.remoteKeys().connectTimeout());
    }

    @Test
    void bothSourcesWithOurKey() {
        JwtAuthConfig config = read(Map.of("jwtdropin.token.sources", "authorization, cookie",
                "jwtdropin.cookie.same-site", "Lax", "jwtdropin.csrf.allowed-origins", "https://app.example"));
        assertEquals(Set.of(TokenTransport.Source.AUTHORIZATION_HEADER, TokenTransport.Source.COOKIE),
                config.transport().sources());
        assertEquals("__Host-jwt", config.transport().cookieName());
        assertEquals("Lax", config.transport().sameSite());
        assertEquals(Set.of("https://app.example"), config.transport().allowedOrigins());
    }

    @Test
    void issuing() {
        JwtAuthConfig config = read(Map.of("jwtdropin.issue.key.location", "file:/k.pem",
                "mp.jwt.verify.issuer", "https://me", "mp.jwt.verify.audiences", "app", "jwtdropin.issue.lifetime", "60"));
        IssuingConfig issuing = config.issuing().orElseThrow();
        assertEquals("https://me", issuing.issuer());
        assertEquals(Optional.of("app"), issuing.audience());
        assertEquals(Duration.ofSeconds(60), issuing.lifetime());
        assertEquals("RS256", issuing.algorithm());
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> read(Map.of("jwtdropin.issue.key.location", "file:/k.pem")));
        assertTrue(e.getMessage().contains("jwtdropin.issue.issuer"), e.getMessage());
        InvalidConfigException hs = assertThrows(InvalidConfigException.class, () -> read(Map.of(
                "jwtdropin.issue.key.location", "file:/k.pem", "mp.jwt.verify.issuer", "https://me",
                "jwtdropin.issue.algorithm", "HS256")));
        assertTrue(hs.getMessage().contains("jwtdropin.issue.algorithm is HS256, which signs with jwtdropin.verify.secret"),
                hs.getMessage());
        InvalidConfigException rs1 = assertThrows(InvalidConfigException.class, () -> read(Map.of(
                "jwtdropin.issue.key.location", "file:/k.pem", "mp.jwt.verify.issuer", "https://me",
                "jwtdropin.issue.algorithm", "RS1")));
        assertTrue(rs1.getMessage().contains("jwtdropin.issue.algorithm names an unsupported value 'RS1'"), rs1.getMessage());
    }

    @Test
    void keyAndLocationTogetherIsAnError() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> read(Map.of(
                "mp.jwt.verify.publickey", "x", "mp.jwt.verify.publickey.location", "/k.pem")));
        assertTrue(e.getMessage().contains("both set"), e.getMessage());
    }
}
