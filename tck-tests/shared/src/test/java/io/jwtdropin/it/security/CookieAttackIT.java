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

/** Every attack of the catalogue against an RS256 deployment, token in a cookie (mp.jwt.token.header=Cookie). */
@ExtendWith(ArquillianExtension.class)
class CookieAttackIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("attack-cookie", AttackSuite.CONFIG + "mp.jwt.token.header=Cookie\nmp.jwt.token.cookie=jwt\n", AttackApp.class, AttackTarget.class);
    }

    @ArquillianResource
    URL base;

    @TestFactory
    Stream<DynamicTest> attacks() {
        return AttackSuite.tests(base, new AttackCatalog(TestKeys.TRUSTED.pair(), JWSAlgorithm.RS256, null),
                AttackSuite.Transport.COOKIE);
    }
}
