package fr.aam.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server started as a separate process on a free loopback port, as it runs in production: the time
 * from the process start to the first answered canned query is what a restart costs a user. Its heap is read from
 * its GC log (the peak is the largest heap in use before a collection).
 */
final class ServerProcess implements AutoCloseable {

    static final String FIRST_QUERY = "/api/queries/lever-crosswalk?limit=1";
    private static final Pattern GC_PAUSE = Pattern.compile("Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    final int port;
    final Duration timeToFirstAnswer;
    private final Process process;
    private final Path gcLog;
    private final Path log;

    private ServerProcess(int port, Process process, Duration timeToFirstAnswer, Path gcLog, Path log) {
        this.port = port;
        this.process = process;
        this.timeToFirstAnswer = timeToFirstAnswer;
        this.gcLog = gcLog;
        this.log = log;
    }

    /**
     * @param launch   how the JVM runs the server ({@code -jar server.jar}, or an extracted jar with a CDS archive…)
     * @param jvmArgs  JVM options before the launch
     * @param appArgs  the server's own settings (--aam.home, --aam.store…)
     */
    static ServerProcess start(List<String> jvmArgs, List<String> launch, List<String> appArgs, Path logDir, String name,
                               Duration patience) throws IOException, InterruptedException {
        int port = freePort();
        Path gcLog = logDir.resolve(name + "-gc.log");
        Path log = logDir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xlog:gc:file=" + gcLog));
        cmd.addAll(jvmArgs);
        cmd.addAll(launch);
        cmd.addAll(appArgs);
        cmd.add("--server.port=" + port);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest first = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + FIRST_QUERY)).timeout(Duration.ofMinutes(5)).build();
        while (true) {
            if (!p.isAlive()) throw new StartFailed(log, Duration.ofNanos(System.nanoTime() - t0));
            if (System.nanoTime() - t0 > patience.toNanos()) { p.destroyForcibly(); throw new IllegalStateException(name + ": no answer after " + patience); }
            try {
                if (http.send(first, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) break;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        return new ServerProcess(port, p, Duration.ofNanos(System.nanoTime() - t0), gcLog, log);
    }

    /** The JVM's training run for class-data sharing: starts, refreshes the context, writes the archive, exits. */
    static void train(List<String> jvmArgs, List<String> launch, List<String> appArgs, Path logDir, String name)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmArgs);
        cmd.add("-Dspring.context.exit=onRefresh");
        cmd.addAll(launch);
        cmd.addAll(appArgs);
        cmd.add("--server.port=" + freePort());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logDir.resolve(name + ".log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) { p.destroyForcibly(); throw new IllegalStateException(name + " did not finish"); }
    }

    /** The server stopped before answering (its start failed). */
    static final class StartFailed extends IllegalStateException {
        final Path log;
        final Duration after;

        StartFailed(Path log, Duration after) {
            super("the server stopped at start after " + after.toSeconds() + " s; see " + log);
            this.log = log;
            this.after = after;
        }
    }

    String url(String path) { return "http://127.0.0.1:" + port + path; }

    /** Peak heap in use (MB) during the process's life so far, from its GC log; -1 when no collection happened. */
    long peakHeapMb() throws IOException {
        long peak = -1;
        if (!Files.exists(gcLog)) return peak;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_PAUSE.matcher(line);
            if (m.find()) peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
        return peak;
    }

    /** The load time the server logged ("Built store generation … in N ms"), or -1 when it logged none (store unchanged). */
    long loggedLoadMillis() throws IOException { return loggedLoadMillis(log); }

    static long loggedLoadMillis(Path log) throws IOException {
        Pattern loaded = Pattern.compile("Built store generation .* in (\\d+) ms");
        for (String line : Files.readAllLines(log)) {
            Matcher m = loaded.matcher(line);
            if (m.find()) return Long.parseLong(m.group(1));
        }
        return -1;
    }

    /** Why a server that stopped at start did so: the message of the exception that failed its start. */
    static String failureReason(Path log) throws IOException {
        Pattern cause = Pattern.compile("threw exception with message: (.*?)\\s*$");
        String reason = "see its log";
        for (String line : Files.readAllLines(log)) {
            Matcher m = cause.matcher(line);
            if (m.find()) reason = m.group(1);
        }
        return reason;
    }

    /** When the server logged {@code text} first, as the time of day it printed. */
    static String loggedAt(Path log, String text) throws IOException {
        for (String line : Files.readAllLines(log)) if (line.contains(text) && line.length() > 23) return line.substring(11, 23);
        return "?";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) process.destroyForcibly().waitFor();
    }

    static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    static int freePort() {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
