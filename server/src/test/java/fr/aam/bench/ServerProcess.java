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
    long peakHeapMb() throws IOException { return heapSince(0).peakMb(); }

    /**
     * The heap as the GC log tells it, from its line {@code mark} on (see {@link #gcLogMark()}), in MB, -1 when no
     * collection happened: the largest heap in use before a collection, the heap still in use after the last one
     * (live data, when that one was a full collection), and the heap's size then.
     */
    record Heap(long peakMb, long afterLastGcMb, long committedMb, int collections) {}

    Heap heapSince(int mark) throws IOException {
        long peak = -1, after = -1, committed = -1;
        int n = 0;
        if (!Files.exists(gcLog)) return new Heap(peak, after, committed, n);
        List<String> lines = Files.readAllLines(gcLog);
        for (String line : lines.subList(Math.min(mark, lines.size()), lines.size())) {
            Matcher m = GC_PAUSE.matcher(line);
            if (!m.find()) continue;
            n++;
            peak = Math.max(peak, Long.parseLong(m.group(1)));
            after = Long.parseLong(m.group(2));
            committed = Long.parseLong(m.group(3));
        }
        return new Heap(peak, after, committed, n);
    }

    /** The GC log's length in lines now: {@link #heapSince} from here covers what happens next. */
    int gcLogMark() throws IOException { return Files.exists(gcLog) ? Files.readAllLines(gcLog).size() : 0; }

    /** A full collection now ({@code jcmd <pid> GC.run}), so that the GC log's next line tells the live heap. */
    void collectGarbage() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) { p.destroyForcibly(); throw new IllegalStateException("jcmd GC.run did not finish"); }
        Thread.sleep(200);   // the unified log is written asynchronously to the collection's end
    }

    /** What the kernel says of the process ({@code /proc/<pid>/status}): resident memory now and at its peak, threads. */
    record Resident(long rssMb, long peakRssMb, int threads) {}

    Resident resident() throws IOException {
        long rss = -1, hwm = -1;
        int threads = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) rss = kb(line) / 1024;
            else if (line.startsWith("VmHWM:")) hwm = kb(line) / 1024;
            else if (line.startsWith("Threads:")) threads = (int) kb(line);
        }
        return new Resident(rss, hwm, threads);
    }

    private static long kb(String statusLine) { return Long.parseLong(statusLine.replaceAll("\\D+", "")); }

    /** A JVM flag of the server as it runs ({@code jcmd <pid> VM.flags}), sizes in MB; "?" when jcmd cannot tell. */
    String vmFlag(String name) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "VM.flags").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor(1, TimeUnit.MINUTES);
        Matcher m = Pattern.compile("-XX:" + name + "=(\\d+)").matcher(out);
        if (!m.find()) return "?";
        long v = Long.parseLong(m.group(1));
        return name.endsWith("Size") ? v / (1024 * 1024) + " MB" : Long.toString(v);
    }

    boolean alive() { return process.isAlive(); }

    /** The server's own log (for the lines it wrote while under load). */
    Path log() { return log; }

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

    /**
     * Waits until the server's log has a line containing {@code text}: that line (its message, after the logger's
     * name), or null when none came within {@code max}.
     */
    String awaitLogLine(String text, Duration max) throws IOException, InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end && process.isAlive()) {
            for (String line : Files.readAllLines(log)) {
                if (line.contains(text)) return line.substring(Math.max(0, line.indexOf(" : ") + 3));
            }
            Thread.sleep(500);
        }
        return null;
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
