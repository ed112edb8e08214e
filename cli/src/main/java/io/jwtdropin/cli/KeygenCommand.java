package io.jwtdropin.cli;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code keygen}: a new key pair as PEM and as JWK / JWK set, written to a directory. */
final class KeygenCommand {

    private KeygenCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        Flags flags = new Flags(args, Set.of("type", "kid", "out"));
        String type = flags.required("type");
        String kid = flags.get("kid").orElse(UUID.randomUUID().toString());
        Path dir = Path.of(flags.get("out").orElse("."));
        KeyPair pair;
        JWK jwk;
        try {
            switch (type) {
                case "rsa" -> {
                    pair = generate("RSA", g -> g.initialize(2048));
                    jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                            .keyID(kid).keyUse(KeyUse.SIGNATURE).build();
                }
                case "ec" -> {
                    pair = generate("EC", g -> g.initialize(new ECGenParameterSpec("secp256r1")));
                    jwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                            .privateKey((ECPrivateKey) pair.getPrivate()).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
                }
                case "ed25519" -> {
                    pair = generate("Ed25519", g -> { });
                    // The raw 32-byte keys end both DER encodings (RFC 8410).
                    jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(last32(pair.getPublic())))
                            .d(Base64URL.encode(last32(pair.getPrivate()))).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
                }
                default -> throw new UsageException("--type must be rsa, ec or ed25519, not '" + type + "'");
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("key generation failed: " + e.getMessage(), e);
        }
        Files.createDirectories(dir);
        write(dir.resolve("private-key.pem"), pem("PRIVATE KEY", pair.getPrivate()));
        write(dir.resolve("public-key.pem"), pem("PUBLIC KEY", pair.getPublic()));
        write(dir.resolve("private-key.jwk.json"), jwk.toJSONString());
        write(dir.resolve("jwks.json"), new JWKSet(jwk.toPublicJWK()).toString());
        out.println("kid " + kid + ": wrote private-key.pem, public-key.pem, private-key.jwk.json, jwks.json to "
                + dir.toAbsolutePath().normalize());
        return Main.OK;
    }

    private interface Init {
        void apply(KeyPairGenerator generator) throws GeneralSecurityException;
    }

    private static KeyPair generate(String algorithm, Init init) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        init.apply(generator);
        return generator.generateKeyPair();
    }

    private static byte[] last32(Key key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    static String pem(String type, Key key) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }
}
