package fr.aam.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A SPARQL engine the tests start as a separate process on loopback, in a temporary folder, on free ports; its output
 * goes to a log file whose end is shown when it fails to start. Stopped (SIGTERM, then killed) when closed.
 */
abstract class EngineProcess implements AutoCloseable {

    private Process process;
    private Path log;

    /** The engine's name, for messages. */
    abstract String name();

    /** Why the engine cannot run on this machine (not installed…), or null when it can. */
    abstract String missing();

    abstract List<String> command(Path dir) throws IOException;

    abstract int port();

    abstract String queryEndpoint();

    abstract String graphStore();

    String username() { return null; }

    String password() { return null; }

    /**
     * Starts the engine, or skips the calling test class loudly when it is not installed — except under CI=true,
     * where .ci/run installs every engine and a missing one is a failure.
     */
    void start(Path dir, Duration patience) throws IOException, InterruptedException {
        String missing = missing();
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError(name() + " must be installed by .ci/run: " + missing);
            System.err.println("\n*** SKIPPED: " + name() + " tests: " + missing + " ***\n");
            Assumptions.abort(name() + " is not installed: " + missing);
        }
        log = dir.resolve(name().replaceAll("\\W", "") + ".log");
        process = new ProcessBuilder(command(dir)).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(patience);
        while (!answers(port())) {
            if (!process.isAlive()) throw new IllegalStateException(name() + " stopped at start:\n" + tail());
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException(name() + " did not open port " + port() + ":\n" + tail());
            Thread.sleep(200);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) return;
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
