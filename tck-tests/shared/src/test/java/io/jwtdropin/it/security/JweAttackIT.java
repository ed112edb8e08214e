package io.jwtdropin.it.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.jwtdropin.it.support.Deployments;
import io.jwtdropin.it.support.TestKeys;
import java.net.URL;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every attack of the catalogue against a sign-then-encrypt deployment: each signed-token attack arrives inside a
 * correctly encrypted JWE (RSA-OAEP-256, A256GCM), plus the JWE-specific ones.
 */
@ExtendWith(ArquillianExtension.class)
class JweAttackIT {

    static final KeyPair DECRYPTION = AttackCatalog.generate("RSA");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("attack-jwe", AttackSuite.CONFIG + "mp.jwt.decrypt.key.location=/decrypt.pem\n",
                AttackApp.class, AttackTarget.class)
                .addAsResource(new StringAsset(Deployments.pem(DECRYPTION.getPrivate())), "decrypt.pem");
    }

    @ArquillianResource
    URL base;

    @TestFactory
    Stream<DynamicTest> attacks() {
        return AttackSuite.tests(base, new AttackCatalog(TestKeys.TRUSTED.pair(), JWSAlgorithm.RS256,
                (RSAPublicKey) DECRYPTION.getPublic()), AttackSuite.Transport.HEADER);
    }
}
