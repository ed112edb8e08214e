package io.jwtdropin.tck;

import java.io.File;
import java.util.Map;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Prepares every deployment, TCK and ours alike, the way a user's WAR would look:
 * <ul>
 * <li>our jar in {@code WEB-INF/lib} (it carries its one runtime dependency, nimbus, shaded inside);</li>
 * <li>on a server that lacks an API the application uses (Open Liberty without {@code mpJwt} has no MP-JWT API),
 * that API's jar in {@code WEB-INF/lib}, as the user's build would put it there: the jars in the directory the
 * system property {@code jwtdropin.deployment.apis} names;</li>
 * <li>context root {@code /} in each server family's descriptor ({@code WEB-INF/glassfish-web.xml},
 * {@code WEB-INF/jboss-web.xml}, {@code WEB-INF/ibm-web-ext.xml}), descriptors any user could write, each ignored
 * by the other servers: the TCK's
 * {@code *LocationURLTest}s point the key location at {@code mp.jwt.tck.jwks.baseURL}, which has no application
 * name in it.</li>
 * </ul>
 * A WAR whose name starts with {@code builtin-} is left without our jar: the control in the take-over test.
 */
public class DropinArchiveProcessor implements ApplicationArchiveProcessor {

    static final String BUILTIN_PREFIX = "builtin-";
    /** Context root {@code /} in each server family's own descriptor; every server ignores the others'. */
    private static final Map<String, String> ROOT_DESCRIPTORS = Map.of(
            "glassfish-web.xml", "<glassfish-web-app><context-root>/</context-root></glassfish-web-app>",
            "jboss-web.xml", "<jboss-web><context-root>/</context-root></jboss-web>",
            "ibm-web-ext.xml", "<web-ext xmlns=\"http://websphere.ibm.com/xml/ns/javaee\" version=\"1.1\">"
                    + "<context-root uri=\"/\"/></web-ext>");

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
        ROOT_DESCRIPTORS.forEach((name, xml) -> {
            if (!war.contains("WEB-INF/" + name)) {
                war.addAsWebInfResource(new StringAsset("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml + "\n"), name);
            }
        });
        for (File api : deploymentApis()) {
            if (!war.contains("WEB-INF/lib/" + api.getName())) {
                war.addAsLibrary(api, api.getName());
            }
        }
        boolean hasOurJar = !war.getContent(Filters.include("/WEB-INF/lib/jwt-dropin[^/]*\\.jar")).isEmpty();
        if (!war.getName().startsWith(BUILTIN_PREFIX) && !hasOurJar) {
            war.addAsLibrary(dropinJar(), "jwt-dropin.jar");
        }
        return war;
    }

    private static File[] deploymentApis() {
        String dir = System.getProperty("jwtdropin.deployment.apis");
        File[] jars = dir == null ? null : new File(dir).listFiles((d, name) -> name.endsWith(".jar"));
        return jars == null ? new File[0] : jars;
    }

    static File dropinJar() {
        String path = System.getProperty("jwtdropin.jar");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("system property jwtdropin.jar must name the built jar, but is " + path);
        }
        return new File(path);
    }
}
