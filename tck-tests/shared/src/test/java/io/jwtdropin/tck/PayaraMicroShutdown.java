package io.jwtdropin.tck;

import io.jwtdropin.it.support.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.arquillian.container.spi.event.container.AfterUnDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * Makes sure a Payara Micro JVM is gone before the next deployment starts one on the same fixed port. The Payara
 * Micro Arquillian adapter undeploys by sending the JVM a SIGTERM ({@code Process.destroy()}) and returns at once.
 * A JVM whose shutdown then hangs keeps the port, and every later deployment of the run waits out its start-up
 * timeout (one clean-clone run lost its last four TCK classes, 4 × 240 s, that way). So after every undeployment the
 * adapter's JVMs (the children of this JVM started with {@code --deploy} from its {@code arquillian-payara-micro}
 * folder) get {@link #GRACE} to end; one that has not is killed, by its PID, and named on standard error. On other
 * servers no child process matches and this does nothing. Once a JVM has ended, the adapter's temporary folder for
 * it (the exported WAR, ≈ 4 MB) is deleted: the adapter leaves one per deployment, some 700 per full test run.
 */
public class PayaraMicroShutdown {

    static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    public void awaitStopped(@Observes AfterUnDeploy event) {
        List<ProcessHandle> servers = ProcessHandle.current().children()
                .filter(PayaraMicroShutdown::isAdapterServer).toList();
        for (ProcessHandle server : servers) {
            // Read while it runs: an ended process has no arguments to read.
            Optional<Path> folder = server.info().arguments().map(Arrays::asList)
                    .flatMap(PayaraMicroShutdown::adapterFolder);
            if (!endsWithin(server, GRACE)) {
                kill(server, "was still running " + GRACE.toSeconds() + " s after the adapter stopped it");
            }
            folder.ifPresent(PayaraMicroShutdown::delete);
        }
    }

    /** The adapter's {@code arquillian-payara-micro…} folder a server deploys from (the WAR is in deployments/). */
    static Optional<Path> adapterFolder(List<String> arguments) {
        return deployedWar(arguments).map(war -> war.toAbsolutePath().getParent())
                .map(Path::getParent)
                .filter(folder -> folder.getFileName() != null
                        && folder.getFileName().toString().startsWith("arquillian-payara-micro"));
    }

    private static void delete(Path folder) {
        try {
            Folders.delete(folder);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("jwt-dropin tests: could not delete " + folder + ": " + e.getMessage());
        }
    }

    /** Kills, by PID, the adapter's servers still running with the named archive (a start that failed). */
    static void killRunning(String archiveName) {
        ProcessHandle.current().children().filter(server -> isAdapterServerFor(server, archiveName))
                .forEach(server -> kill(server, "did not start with " + archiveName));
    }

    /** A Payara Micro JVM the adapter started with the named archive. */
    static boolean isAdapterServerFor(ProcessHandle process, String archiveName) {
        return isAdapterServer(process) && process.info().arguments()
                .map(arguments -> String.join(" ", arguments).contains(archiveName)).orElse(false);
    }

    private static void kill(ProcessHandle server, String why) {
        Path threads = dumpThreads(server);
        System.err.println("jwt-dropin tests: Payara Micro pid " + server.pid() + " " + why + "; its threads are in "
                + threads + "; killing it");
        server.destroyForcibly();
        if (!endsWithin(server, AFTER_KILL)) {
            throw new IllegalStateException("Payara Micro pid " + server.pid() + " survived a SIGKILL");
        }
    }

    /** A Payara Micro JVM the adapter started: its arguments deploy from the adapter's temporary folder. */
    static boolean isAdapterServer(ProcessHandle process) {
        Optional<String[]> arguments = process.info().arguments();
        return arguments.isPresent() && isAdapterCommand(Arrays.asList(arguments.get()));
    }

    static boolean isAdapterCommand(List<String> arguments) {
        return deployedWar(arguments).filter(war -> war.toString().contains("arquillian-payara-micro")).isPresent();
    }

    /** The value of a command's {@code --deploy}. */
    private static Optional<Path> deployedWar(List<String> arguments) {
        int deploy = arguments.indexOf("--deploy");
        return deploy >= 0 && deploy + 1 < arguments.size() ? Optional.of(Path.of(arguments.get(deploy + 1)))
                : Optional.empty();
    }

    /** Where a hung shutdown hangs: the JVM's threads, by {@code jcmd} of the JDK running the tests. */
    private static Path dumpThreads(ProcessHandle server) {
        Path file = Path.of("target", "payara-micro-" + server.pid() + "-threads.txt").toAbsolutePath();
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process dump = new ProcessBuilder(jcmd, Long.toString(server.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            dump.waitFor(AFTER_KILL.toSeconds(), TimeUnit.SECONDS);
        } catch (IOException e) {
            return Path.of("(no thread dump: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return file;
    }

    private static boolean endsWithin(ProcessHandle process, Duration wait) {
        CompletableFuture<ProcessHandle> exit = process.onExit();
        try {
            exit.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
