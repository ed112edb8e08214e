package io.jwtdropin.tck;

import java.io.File;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Prepares every deployment, TCK and ours alike, the way a user's WAR would look:
 * <ul>
 * <li>our jar in {@code WEB-INF/lib} (it carries its one runtime dependency, nimbus, shaded inside);</li>
 * <li>a {@code WEB-INF/glassfish-web.xml} with context root {@code /}, a server descriptor any user could write:
 * the TCK's {@code *LocationURLTest}s point the key location at {@code mp.jwt.tck.jwks.baseURL}, which has no
 * application name in it.</li>
 * </ul>
 * A WAR whose name starts with {@code builtin-} is left without our jar: the control in the take-over test.
 */
public class DropinArchiveProcessor implements ApplicationArchiveProcessor {

    static final String BUILTIN_PREFIX = "builtin-";

    @Override
    public void process(Archive<?> archive, TestClass testClass) {
        if (archive instanceof WebArchive war) {
            prepare(war);
        }
    }

    /**
     * Also called by our own ITs' deployments: Arquillian applies archive processors only to testable
     * deployments, and ours are {@code testable = false}.
     */
    public static WebArchive prepare(WebArchive war) {
        if (!war.contains("WEB-INF/glassfish-web.xml")) {
            war.addAsWebInfResource(new StringAsset("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<glassfish-web-app><context-root>/</context-root></glassfish-web-app>\n"), "glassfish-web.xml");
        }
        if (!war.getName().startsWith(BUILTIN_PREFIX) && !war.contains("WEB-INF/lib/jwt-dropin.jar")) {
            war.addAsLibrary(dropinJar(), "jwt-dropin.jar");
        }
        return war;
    }

    static File dropinJar() {
        String path = System.getProperty("jwtdropin.jar");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("system property jwtdropin.jar must name the built jar, but is " + path);
        }
        return new File(path);
    }
}
