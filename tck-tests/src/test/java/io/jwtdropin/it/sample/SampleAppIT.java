package io.jwtdropin.it.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jwtdropin.it.support.Http;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample app exactly as built (sample-app/target/sample-app.war, our jar inside), with tokens signed by its
 * demo key as {@code MintToken.java} signs them: the README's curl walk-through as a test.
 */
@ExtendWith(ArquillianExtension.class)
class SampleAppIT {

    static final Path SAMPLE = Path.of(System.getProperty("sample.dir", "../sample-app"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        File war = SAMPLE.resolve("target/sample-app.war").toFile();
        return ShrinkWrap.create(ZipImporter.class, "sample-app.war").importFrom(war).as(WebArchive.class)
                .addAsWebInfResource(new org.jboss.shrinkwrap.api.asset.StringAsset(
                        "<glassfish-web-app><context-root>/</context-root></glassfish-web-app>"), "glassfish-web.xml");
    }

    @ArquillianResource
    URL base;

    static String token(String user, String group) throws Exception {
        String pem = Files.readString(SAMPLE.resolve("demo-keys/privateKey.pem"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer("https://sample.jwt-dropin.example").audience("sample-app")
                        .subject(user).claim("upn", user).claim("groups", List.of(group))
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void readmeWalkThrough() throws Exception {
        assertEquals(200, Http.get(base, "api/public").statusCode());
        assertEquals(401, Http.get(base, "api/me").statusCode());
        String user = token("alice", "user");
        var me = Http.get(base, "api/me", "Authorization", Http.bearer(user));
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"name\":\"alice\""), me.body());
        assertEquals(403, Http.get(base, "api/admin", "Authorization", Http.bearer(user)).statusCode());
        assertEquals(200, Http.get(base, "api/admin", "Authorization", Http.bearer(token("root", "admin"))).statusCode());
    }
}
