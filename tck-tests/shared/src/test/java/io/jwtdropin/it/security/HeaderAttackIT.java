package io.jwtdropin.it.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.jwtdropin.it.support.Deployments;
import io.jwtdropin.it.support.TestKeys;
import java.net.URL;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every attack of the catalogue against an RS256 deployment, token in the Authorization header. */
@ExtendWith(ArquillianExtension.class)
class HeaderAttackIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("attack-header", AttackSuite.CONFIG, AttackApp.class, AttackTarget.class);
    }

    @ArquillianResource
    URL base;

    @TestFactory
    Stream<DynamicTest> attacks() {
        return AttackSuite.tests(base, new AttackCatalog(TestKeys.TRUSTED.pair(), JWSAlgorithm.RS256, null),
                AttackSuite.Transport.HEADER);
    }
}
