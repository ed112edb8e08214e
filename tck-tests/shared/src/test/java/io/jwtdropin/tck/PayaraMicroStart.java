package io.jwtdropin.tck;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * The Payara Micro adapter (3.x for Payara Micro 6, 4.x for 7: the same class) with two guards around the server it
 * starts for every deployment, on one fixed port. When that server does not report itself started within the
 * adapter's start-up timeout ({@code startupTimeoutInSeconds}: 120 s here, where a start takes 6–10 s), the adapter
 * fails the test class with "No applications were found deployed to Payara Micro" and nothing more; why is written
 * only to Payara Micro's log file. One CI run lost a TCK class that way. A server that cannot bind its port logs
 * "Failed to start" and exits at once, and the adapter would then wait out the whole timeout (reproduced by holding
 * the port); {@link PayaraMicroExitWatch} ends that wait when the JVM ends.
 * <ul>
 *   <li>Before a start, the port must be free: a server still letting go of it gets {@link #PORT_WAIT}.</li>
 *   <li>After a failed start, what that start logged ({@link PayaraMicroLog}) and who holds the port go to standard
 *       error, a server left running is killed by its PID, and the server is started once more. A second failure
 *       fails the class, its message carrying what the second start logged (test output goes to files here; a
 *       failure's message reaches the build log).</li>
 * </ul>
 * A failed start is also one that reported itself ready without the application because Payara's own security
 * start-up failed ({@link #SECURITY_STARTUP_FAULT}; one CI run lost a TCK class to 404s that way). Only a server that
 * never reported itself started, or started without the application for that reason, is started again; every
 * test still runs exactly once against the application as deployed. Registered by
 * {@link DropinArquillianExtension} in place of the adapter's own class.
 */
public class PayaraMicroStart extends PayaraMicroDeployableContainer {

    static final Duration PORT_WAIT = Duration.ofSeconds(30);
    /**
     * Logged by Payara Micro 6 when its security start-up finds no context class loader on its main thread
     * ("Error while installing policy provider"), before any class of the application runs; the application is then
     * not deployed. Seen once in some 300 starts; a second start has always worked.
     */
    static final String SECURITY_STARTUP_FAULT = "NCLS-SECURITY-01144";
    private static final Duration FAULT_WAIT = Duration.ofSeconds(3);

    private PayaraMicroContainerConfiguration configuration;

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        super.setup(configuration);
        this.configuration = configuration;
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String options = configuration.getExtraMicroOptions();
        int port = PayaraMicroLog.option(options, "--port").map(Integer::parseInt).orElse(8080);
        PayaraMicroLog log = PayaraMicroLog.from(options);
        awaitFree(port);
        try {
            return deployOnce(archive, log);
        } catch (DeploymentException failed) {
            System.err.println("jwt-dropin tests: Payara Micro did not start with " + archive.getName() + " ("
                    + failed.getMessage() + "); port " + port + (isFree(port) ? " is free" : " is held: "
                    + holderOf(port)) + ". What this start logged:\n" + log.sinceOpened()
                    + "\njwt-dropin tests: stopping what is left of it and starting Payara Micro once more.");
            PayaraMicroShutdown.killRunning(archive.getName());
            awaitFree(port);
            PayaraMicroLog again = PayaraMicroLog.from(options);
            try {
                return deployOnce(archive, again);
            } catch (DeploymentException twice) {
                throw new DeploymentException(twice.getMessage() + " (second start of two); what it logged:\n"
                        + again.sinceOpened(), twice);
            }
        }
    }

    /**
     * The adapter's deployment, refused when the server's JVM exited during it ({@link PayaraMicroExitWatch}: at
     * once, instead of after the adapter's whole start-up timeout) and when the server reported itself ready without
     * the application because its own security start-up failed ({@link #SECURITY_STARTUP_FAULT}): the adapter would
     * go on, and every test of the class would get 404.
     */
    private ProtocolMetaData deployOnce(Archive<?> archive, PayaraMicroLog log) throws DeploymentException {
        ProtocolMetaData deployed;
        try (PayaraMicroExitWatch watch = PayaraMicroExitWatch.start(archive.getName())) {
            deployed = super.deploy(archive);
            if (watch.closeAndReportExit()) {
                throw new DeploymentException("the Payara Micro JVM started for " + archive.getName()
                        + " exited before it reported itself started");
            }
        }
        boolean noServlet = deployed.getContexts(HTTPContext.class).stream().allMatch(c -> c.getServlets().isEmpty());
        if (noServlet && log.shows(SECURITY_STARTUP_FAULT, FAULT_WAIT)) {
            throw new DeploymentException("Payara Micro started without " + archive.getName() + ": its security"
                    + " start-up failed (" + SECURITY_STARTUP_FAULT + ")");
        }
        return deployed;
    }

    private static void awaitFree(int port) {
        long started = System.nanoTime();
        while (!isFree(port)) {
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (waited.compareTo(PORT_WAIT) > 0) {
                System.err.println("jwt-dropin tests: port " + port + " is still held after " + PORT_WAIT.toSeconds()
                        + " s: " + holderOf(port) + "; starting Payara Micro anyway");
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (waited > 0) {
            System.err.println("jwt-dropin tests: waited " + waited + " ms for port " + port + " to be free");
        }
    }

    /** Free as Grizzly binds it: on the loopback address, with SO_REUSEADDR (a TIME_WAIT connection is no hold). */
    static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException held) {
            return false;
        }
    }

    /** Who listens on the port, as {@code ss} (iproute2, installed by .ci/run) tells it. */
    private static String holderOf(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
            String listeners = new String(ss.getInputStream().readAllBytes()).strip();
            return listeners.isEmpty() ? "no listener (a connection bound to it?)" : listeners;
        } catch (IOException e) {
            return "(ss failed: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration pause) {
        try {
            TimeUnit.MILLISECONDS.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
