package io.jwtdropin.it.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.jwtdropin.it.support.Deployments;
import java.net.URL;
import java.security.KeyPair;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every attack of the catalogue against an ES256 (P-256) deployment, algorithm pinned by configuration. */
@ExtendWith(ArquillianExtension.class)
class Es256AttackIT {

    static final KeyPair EC = AttackCatalog.generate("EC");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("attack-es256", Deployments.pem(EC.getPublic()),
                AttackSuite.CONFIG + "mp.jwt.verify.publickey.algorithm=ES256\n", AttackApp.class, AttackTarget.class);
    }

    @ArquillianResource
    URL base;

    @TestFactory
    Stream<DynamicTest> attacks() {
        return AttackSuite.tests(base, new AttackCatalog(EC, JWSAlgorithm.ES256, null), AttackSuite.Transport.HEADER);
    }
}
