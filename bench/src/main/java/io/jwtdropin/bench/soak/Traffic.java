package io.jwtdropin.bench.soak;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the requests of one scenario of a {@link Kind}: the token, where it travels, the method and path. */
final class Traffic {

    /** One request to send and the kind whose answer it must get. */
    record Call(Kind kind, HttpRequest request) {
    }

    private static final String COOKIE = "__Host-jwt";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> MALFORMED = List.of("abc", "a.b.c", "a.b.c.d", "eyJhbGciOiJSUzI1NiJ9..",
            "eyJhbGciOiJSUzI1NiJ9.e30.", "....", "eyJ9.eyJ9.eyJ9", "Zm9v.YmFy", "%%%.%%%.%%%",
            "eyJhbGciOiJSUzI1NiIsImtpZCI6WzEsMiwzXX0.e30.c2ln", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln");

    private final String base;
    private final String origin;
    private final KeyService keys;
    private final RSAKey rogue;
    private final AtomicLong serial = new AtomicLong();
    private final Map<KeyService.Generation, List<String>> expired = new ConcurrentHashMap<>();
    private final Map<KeyService.Generation, List<String>> foreign = new ConcurrentHashMap<>();

    Traffic(String base, KeyService keys) throws JOSEException {
        this.base = base;
        URI uri = URI.create(base);
        this.origin = uri.getScheme() + "://" + uri.getAuthority();
        this.keys = keys;
        this.rogue = new RSAKeyGenerator(2048).generate();
    }

    /** The requests of one scenario, ready to send. */
    List<Call> scenario(Kind kind) {
        KeyService.Generation now = keys.current();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String reused = now.reused().get(random.nextInt(now.reused().size()));
        return switch (kind) {
            case REUSED -> List.of(get(kind, "Authorization", "Bearer " + reused));
            case FRESH -> List.of(get(kind, "Authorization", "Bearer " + fresh(now)));
            case COOKIE -> List.of(get(kind, "Cookie", COOKIE + "=" + reused));
            case COOKIE_POST -> List.of(random.nextBoolean()
                    ? post(kind, "/notes", "Cookie", COOKIE + "=" + reused, "Sec-Fetch-Site", "same-origin")
                    : post(kind, "/notes", "Cookie", COOKIE + "=" + reused, "Origin", origin));
            case CROSS_SITE_POST -> List.of(random.nextBoolean()
                    ? post(kind, "/notes", "Cookie", COOKIE + "=" + reused, "Sec-Fetch-Site", "cross-site")
                    : post(kind, "/notes", "Cookie", COOKIE + "=" + reused, "Origin", "https://attacker.example"));
            case HEADER_POST -> List.of(post(kind, "/notes", "Authorization", "Bearer " + reused));
            case BAD_SIGNATURE -> List.of(get(kind, "Authorization", "Bearer " + tamper(reused, random)));
            case EXPIRED -> List.of(get(kind, "Authorization", "Bearer " + pick(expired.computeIfAbsent(now, this::expired))));
            case UNKNOWN_KID -> List.of(get(kind, "Authorization", "Bearer " + unknownKid()));
            case MALFORMED -> List.of(get(kind, "Authorization", "Bearer " + pick(MALFORMED)));
            case OVERSIZED -> List.of(get(kind, "Authorization", "Bearer eyJ" + "A".repeat(6000) + ".e30.c2ln"));
            case WRONG_ISSUER -> List.of(get(kind, "Authorization", "Bearer " + pick(foreign.computeIfAbsent(now, this::foreign))));
            case UNSIGNED -> List.of(get(kind, "Authorization", "Bearer " + unsigned(now)));
            case RETIRED_KEY -> {
                KeyService.Generation old = keys.retired();
                yield old == null ? scenario(Kind.REUSED)
                        : List.of(get(kind, "Authorization", "Bearer " + pick(old.reused())));
            }
            case LOGOUT, REVOKED -> {
                String token = "Bearer " + fresh(now);
                yield List.of(get(Kind.FRESH, "Authorization", token), post(Kind.LOGOUT, "/logout", "Authorization", token),
                        get(Kind.REVOKED, "Authorization", token));
            }
        };
    }

    private Call get(Kind kind, String... headers) {
        return new Call(kind, HttpRequest.newBuilder(URI.create(base + "/me")).timeout(TIMEOUT).headers(headers).GET().build());
    }

    private Call post(Kind kind, String path, String... headers) {
        return new Call(kind, HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString("note")).header("Content-Type", "text/plain").build());
    }

    private String fresh(KeyService.Generation now) {
        return now.token("fresh" + serial.incrementAndGet()).expiresIn(Duration.ofMinutes(5)).sign();
    }

    private List<String> expired(KeyService.Generation generation) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(generation.token("late" + i).issuedAgo(Duration.ofHours(2)).expiresIn(Duration.ofHours(1)).sign());
        }
        return tokens;
    }

    private List<String> foreign(KeyService.Generation generation) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(generation.key().tokens("https://other-idp.example").forUser("mallory" + i).groups("user")
                    .audience(KeyService.AUDIENCE).expiresIn(Duration.ofHours(2)).sign());
        }
        return tokens;
    }

    /** A well-formed token signed by a key nobody published, under a new {@code kid} each time. */
    private String unknownKid() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(KeyService.ISSUER).subject("mallory")
                .audience(KeyService.AUDIENCE).claim("groups", List.of("user")).jwtID(UUID.randomUUID().toString())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(UUID.randomUUID().toString())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(rogue));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** {@code alg: none} under the current key's {@code kid}, with a valid-looking payload. */
    private static String unsigned(KeyService.Generation now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + now.key().kid() + "\"}";
        String payload = "{\"iss\":\"" + KeyService.ISSUER + "\",\"sub\":\"mallory\",\"aud\":\"" + KeyService.AUDIENCE
                + "\",\"groups\":[\"user\"],\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** The token with one character in the middle of its signature changed. */
    private static String tamper(String token, ThreadLocalRandom random) {
        int signature = token.lastIndexOf('.') + 1;
        int at = signature + 10 + random.nextInt(token.length() - signature - 20);
        char c = token.charAt(at);
        char other = c == 'A' ? 'B' : 'A';
        return token.substring(0, at) + other + token.substring(at + 1);
    }

    private static String pick(List<String> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }
}
