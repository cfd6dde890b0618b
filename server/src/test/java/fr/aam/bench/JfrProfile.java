package fr.aam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU time went during its first load ({@code -Dbench.profile=true}): the Java Flight Recorder's
 * execution samples ({@code jdk.ExecutionSample}, every 10 ms per running thread with {@code settings=profile}) of the
 * load's recording, counted by top frame, by the top frame's package, by the first frame outside the JDK and by
 * thread, per phase of the build. The phases are the server's own, from its log line
 * {@code Built store generation … in N ms (parse and load …, bulk loader's indexes …, …)}: the sequential ones follow
 * each other from the build's start (the line's time less N ms); before it is the start-up, after it the first answer.
 * Within a phase, the build's task threads (validation, text index, statistics: they run at the same time) get their
 * own tables too.
 * Samples are of threads running Java code: time in native code or waiting (I/O, locks) is not counted.
 */
final class JfrProfile {

    /** Rows per table: the hottest few are what a reader acts on. */
    static final int TOP = 8;
    private static final Pattern BUILT = Pattern.compile("^(\\S+)\\s.*Built store generation .* in (\\d+) ms \\((.*)\\)\\s*$");
    private static final Pattern PHASE = Pattern.compile("(.+?) (\\d+) ms(?:, |$)");

    /** A sequential phase of the load: samples between {@code from} (inclusive) and {@code to}. */
    record Phase(String name, Instant from, Instant to) {}

    /** The counts of one phase. */
    static final class Counts {
        long samples;
        final Map<String, Long> frames = new HashMap<>();
        final Map<String, Long> packages = new HashMap<>();
        final Map<String, Long> firstOutsideJdk = new HashMap<>();
        final Map<String, Long> threads = new HashMap<>();
    }

    /**
     * The phases of the server's first load as its log tells them: start-up, each sequential phase of the build, then
     * to the end of the recording. Without the log line (the build failed), one phase: the whole recording.
     */
    static List<Phase> phases(Path serverLog) throws IOException {
        String line = Files.readAllLines(serverLog).stream().filter(l -> l.contains("Built store generation")).findFirst().orElse(null);
        Matcher m = line == null ? null : BUILT.matcher(line);
        if (m == null || !m.find()) return List.of(new Phase("whole recording (no build logged)", Instant.MIN, Instant.MAX));
        Instant end = OffsetDateTime.parse(m.group(1)).toInstant();
        Instant t = end.minusMillis(Long.parseLong(m.group(2)));
        List<Phase> phases = new ArrayList<>(List.of(new Phase("start-up, to the build", Instant.MIN, t)));
        Matcher p = PHASE.matcher(m.group(3));
        while (p.find()) {
            if (p.group(1).endsWith("(thread)")) continue;   // a task beside others: within "validation and extensions"
            Instant next = t.plusMillis(Long.parseLong(p.group(2)));
            phases.add(new Phase(p.group(1), t, next));
            t = next;
        }
        phases.add(new Phase("after the build, to the first answer", t, Instant.MAX));
        return phases;
    }

    /**
     * Counts the recording's execution samples per phase (a sample outside every phase is not counted); within a phase,
     * the samples of the build's own task threads ({@code generation-<task>}, the validation's helpers
     * {@code shacl-validation-N}) are counted apart as well, under "phase: task", since they run at the same time.
     */
    static Map<String, Counts> count(Path recording, List<Phase> phases) throws IOException {
        Map<String, Counts> out = new LinkedHashMap<>();
        try (RecordingFile f = new RecordingFile(recording)) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
                RecordedStackTrace stack = e.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) continue;
                Instant at = e.getStartTime();
                Phase phase = phases.stream().filter(p -> !at.isBefore(p.from()) && at.isBefore(p.to())).findFirst().orElse(null);
                if (phase == null) continue;
                var thread = e.getThread("sampledThread");
                String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                add(out.computeIfAbsent(phase.name(), k -> new Counts()), stack, name);
                String task = name.startsWith("shacl-validation") ? "shacl-validation"
                    : name.startsWith("generation-") ? name.substring("generation-".length()) : null;
                if (task != null) add(out.computeIfAbsent(phase.name() + ": " + task + " thread(s)", k -> new Counts()), stack, name);
            }
        }
        return out;
    }

    private static void add(Counts c, RecordedStackTrace stack, String thread) {
        c.samples++;
        RecordedFrame top = stack.getFrames().get(0);
        c.frames.merge(method(top), 1L, Long::sum);
        c.packages.merge(packageOf(top), 1L, Long::sum);
        String outside = stack.getFrames().stream().filter(fr -> fr.isJavaFrame() && !jdk(fr)).findFirst()
            .map(JfrProfile::method).orElse("(JDK only)");
        c.firstOutsideJdk.merge(outside, 1L, Long::sum);
        c.threads.merge(thread.replaceAll("\\d+", "N"), 1L, Long::sum);   // pools: one row per kind of thread
    }

    /** The profile as the report's tables: one per phase that has samples. */
    static void report(Report report, Path recording, Path serverLog) throws IOException {
        List<Phase> phases = phases(serverLog);
        Map<String, Counts> counts = count(recording, phases);
        report.heading("Profile of the load (Java Flight Recorder)");
        report.text(String.format(Locale.ROOT, "`-Dbench.profile=true`: the server of the load step ran with "
            + "`-XX:StartFlightRecording=settings=profile` (recording: `%s`, %,d MB). Execution samples (`jdk.ExecutionSample`, "
            + "threads running Java code, every 10 ms each; not native code, I/O or waits) per phase of the build as the server "
            + "logged it, the %d hottest of each: top frame (the method running), its package, the first frame outside the JDK "
            + "(`java.*`, `jdk.*`, `sun.*`: who called into it) and the thread (digits as N). %% of the phase's samples.",
            recording.getFileName(), Files.size(recording) / (1024 * 1024), TOP));
        for (Phase p : phases) {
            String span = p.from().equals(Instant.MIN) || p.to().equals(Instant.MAX) ? ""
                : String.format(Locale.ROOT, ", %.1f s", Duration.between(p.from(), p.to()).toMillis() / 1000.0);
            table(report, p.name(), span, counts.get(p.name()));
            counts.entrySet().stream().filter(e -> e.getKey().startsWith(p.name() + ": "))
                .sorted(Comparator.comparingLong((Map.Entry<String, Counts> e) -> e.getValue().samples).reversed())
                .forEach(e -> table(report, e.getKey(), "", e.getValue()));
        }
    }

    private static void table(Report report, String name, String span, Counts c) {
        if (c == null || c.samples == 0) return;
        report.text(String.format(Locale.ROOT, "%n**%s**%s: %,d samples.", name, span, c.samples));
        Report.Table t = report.table("profile: " + name, "#", "top frame", "% (frame)", "package", "% (package)",
            "first frame outside the JDK", "% (caller)", "thread", "% (thread)");
        List<Map.Entry<String, Long>> frames = top(c.frames), packages = top(c.packages), outside = top(c.firstOutsideJdk), threads = top(c.threads);
        for (int i = 0; i < TOP; i++) {
            if (i >= frames.size() && i >= packages.size() && i >= outside.size() && i >= threads.size()) break;
            t.row(Integer.toString(i + 1), name(frames, i), share(frames, i, c), name(packages, i), share(packages, i, c),
                name(outside, i), share(outside, i, c), name(threads, i), share(threads, i, c));
        }
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(TOP).toList();
    }

    private static String name(List<Map.Entry<String, Long>> top, int i) { return i < top.size() ? "`" + top.get(i).getKey() + "`" : ""; }

    private static Object share(List<Map.Entry<String, Long>> top, int i, Counts c) {
        return i < top.size() ? 100.0 * top.get(i).getValue() / c.samples : "";
    }

    private static String method(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    private static String packageOf(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        int dot = type.lastIndexOf('.');
        return dot < 0 ? "(default)" : type.substring(0, dot);
    }

    private static boolean jdk(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun.");
    }
}
