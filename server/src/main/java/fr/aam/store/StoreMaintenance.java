package fr.aam.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that changes what the store serves — the load at start, a reload from ontology/ and data/, the upload
 * of one named graph, a restore — and the backups. One at a time (a second one while one runs is refused, not
 * queued). Each builds a new generation beside the served one and switches only when it is complete and valid: a
 * failure changes nothing and says why.
 */
public final class StoreMaintenance {

    private static final Logger log = LoggerFactory.getLogger(StoreMaintenance.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final Pattern BACKUP_NAME = Pattern.compile("backup-[0-9]{8}-[0-9]{6}-[0-9]{3}\\.nq\\.gz");
    private static final int HISTORY = 50;

    private final StoreLayout layout;
    private final Supplier<SourceFiles> sources;
    private final GenerationBuilder builder;
    private final String graphBase;
    private final int keepBackups;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<LoadReport> history = new ArrayDeque<>();
    private ServedStore served;

    /** @param sources scans ontology/ and data/ afresh (files may have been added or removed since the last load) */
    public StoreMaintenance(StoreLayout layout, Supplier<SourceFiles> sources, GenerationBuilder builder,
                            String graphBase, int keepBackups) {
        this.layout = layout;
        this.sources = sources;
        this.builder = builder;
        this.graphBase = graphBase;
        this.keepBackups = keepBackups;
    }

    /**
     * Opens the store at start: the generation named by CURRENT when its files have not changed (a restart reads
     * no data file whose size and date are unchanged), else a new one built from the files; when that fails the
     * previous generation keeps being served, and with none an empty one is, so the server still starts and says why.
     */
    public ServedStore start() {
        Instant t0 = Instant.now();
        StoreGeneration current = layout.current().map(this::openOrNull).orElse(null);
        List<Path> stale = layout.removeAllBut(current == null ? List.of() : List.of(current.dir()));
        if (!stale.isEmpty()) log.info("Removed {} unfinished or retired store folder(s) left by a previous run", stale.size());
        if (current != null && !current.info().fromFiles()) {
            log.warn("Serving {} restored from {}; ontology/ and data/ are not loaded until an admin reload", current.name(), current.info().origin());
            record(LoadReport.Kind.START, LoadReport.Outcome.UNCHANGED, current, null, t0);
            return served = new ServedStore(layout, current);
        }
        SourceFiles files = sources.get();
        List<FileFingerprint> fingerprints = files.fingerprints(current == null ? List.of() : current.info().files());
        if (current != null && SourceFiles.combinedHash(fingerprints).equals(current.info().dataHash())) {
            log.info("Store is up to date with ontology/ and data/ ({}): {} triples", current.name(), current.info().triples());
            record(LoadReport.Kind.START, LoadReport.Outcome.UNCHANGED, current, null, t0);
            return served = new ServedStore(layout, current);
        }
        try {
            StoreGeneration next = builder.fromFiles(files, fingerprints, current, null);
            layout.publish(next.dir());
            if (current != null) current.retire(0);
            record(LoadReport.Kind.START, LoadReport.Outcome.LOADED, next, null, t0);
            return served = new ServedStore(layout, next);
        } catch (DataLoadException e) {
            log.error("Load refused, the store keeps serving its previous data: {}", e.getMessage());
            StoreGeneration fallback = current != null ? current : builder.empty();
            if (current == null) layout.publish(fallback.dir());
            record(LoadReport.Kind.START, LoadReport.Outcome.FAILED, fallback, e.getMessage(), t0);
            return served = new ServedStore(layout, fallback);
        }
    }

    private StoreGeneration openOrNull(Path dir) {
        GenerationInfo info = GenerationInfo.read(dir);
        if (info == null) return null;
        try {
            return builder.open(dir, info);
        } catch (RuntimeException e) {
            // Another server runs on this store: rebuilding would delete the generation it serves. One server per store.
            // (TDB2's process lock: AlreadyLocked, or "Failed to get a lock … held by process N" as its parent class.)
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof org.apache.jena.dboe.base.file.AlreadyLocked
                    || c instanceof org.apache.jena.dboe.DBOpEnvException && String.valueOf(c.getMessage()).contains("lock")) {
                    throw new StoreInUseException(layout.root(), c.getMessage());
                }
            }
            log.error("Store generation {} cannot be opened ({}): rebuilding from the files", dir.getFileName(), e.getMessage());
            return null;
        }
    }

    /** Reloads ontology/ and data/ when they changed. */
    public LoadReport reload() {
        return exclusive(LoadReport.Kind.RELOAD, t0 -> {
            StoreGeneration current = served.current();
            SourceFiles files = sources.get();
            List<FileFingerprint> fingerprints = files.fingerprints(current.info().fromFiles() ? current.info().files() : List.of());
            if (current.info().fromFiles() && SourceFiles.combinedHash(fingerprints).equals(current.info().dataHash())) {
                return record(LoadReport.Kind.RELOAD, LoadReport.Outcome.UNCHANGED, current, null, t0);
            }
            StoreGeneration next = builder.fromFiles(files, fingerprints, current, null);
            served.switchTo(next);
            return record(LoadReport.Kind.RELOAD, LoadReport.Outcome.LOADED, next, null, t0);
        });
    }

    /**
     * Replaces the content of one named graph of data/ by {@code body} (Turtle or N-Triples). The new content is
     * parsed and validated with the rest; only then is it written over its file in data/ (so a restart keeps it) and
     * served.
     */
    public LoadReport upload(String graphName, InputStream body, Lang lang) {
        SourceFile target = sources.get().files().stream()
            .filter(f -> f.graphIri() != null && f.graphIri().equals(graphBase + graphName) && f.name().startsWith("data/"))
            .findFirst().orElseThrow(() -> new UnknownGraphException(graphName));
        return exclusive(LoadReport.Kind.UPLOAD, t0 -> {
            Path incoming = layout.root().resolve("upload-" + STAMP.format(Instant.now()) + ".ttl");
            try {
                Files.copy(body, incoming);
                SourceFiles files = sources.get();
                StoreGeneration current = served.current();
                List<FileFingerprint> fingerprints = files.fingerprints(current.info().fromFiles() ? current.info().files() : List.of());
                StoreGeneration next = builder.fromFiles(files, fingerprints, current,
                    new GenerationBuilder.Replacement(target.name(), incoming, lang));
                Files.move(incoming, target.path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                served.switchTo(next);
                return record(LoadReport.Kind.UPLOAD, LoadReport.Outcome.LOADED, next, null, t0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try { Files.deleteIfExists(incoming); } catch (IOException ignored) { /* moved, or already gone */ }
            }
        });
    }

    /** A backup of the served data: its canonical N-Quads, gzipped, under backups/. */
    public Backup backup() {
        lockOrFail();
        try {
            StoreGeneration g = served.current();
            Path target = layout.backups().resolve("backup-" + STAMP.format(Instant.now()) + ".nq.gz");
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.copy(g.nquadsGz(), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            pruneBackups();
            log.info("Backup {} of generation {} ({} triples)", target.getFileName(), g.name(), g.info().triples());
            return new Backup(target.getFileName().toString(), Files.size(target), g.info().triples(), g.name(), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    /** Serves the content of a backup (ontology/ and data/ are left as they are until the next reload). */
    public LoadReport restore(String backupName) {
        if (!BACKUP_NAME.matcher(backupName).matches() || !Files.isRegularFile(layout.backups().resolve(backupName))) {
            throw new UnknownBackupException(backupName);
        }
        return exclusive(LoadReport.Kind.RESTORE, t0 -> {
            StoreGeneration next = builder.fromBackup(layout.backups().resolve(backupName));
            served.switchTo(next);
            return record(LoadReport.Kind.RESTORE, LoadReport.Outcome.LOADED, next, null, t0);
        });
    }

    public List<Backup> backups() {
        try (Stream<Path> s = Files.list(layout.backups())) {
            return s.filter(p -> BACKUP_NAME.matcher(p.getFileName().toString()).matches())
                .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                .map(p -> {
                    try {
                        return new Backup(p.getFileName().toString(), Files.size(p), -1, null,
                            Files.getLastModifiedTime(p).toInstant());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last loads, newest first. */
    public synchronized List<LoadReport> history() { return new ArrayList<>(history); }

    public synchronized LoadReport lastLoad() { return history.peekFirst(); }

    /** A backup file of the admin API. */
    public record Backup(String name, long bytes, long triples, String generation, Instant at) {}

    private interface Work { LoadReport run(Instant t0); }

    private LoadReport exclusive(LoadReport.Kind kind, Work work) {
        lockOrFail();
        Instant t0 = Instant.now();
        try {
            return work.run(t0);
        } catch (DataLoadException e) {
            log.error("{} refused, the store keeps serving its previous data: {}", kind, e.getMessage());
            return record(kind, LoadReport.Outcome.FAILED, served.current(), e.getMessage(), t0);
        } finally {
            lock.unlock();
        }
    }

    private void lockOrFail() {
        if (!lock.tryLock()) throw new LoadInProgressException();
    }

    private synchronized LoadReport record(LoadReport.Kind kind, LoadReport.Outcome outcome, StoreGeneration g,
                                           String error, Instant t0) {
        LoadReport r = new LoadReport(kind, outcome, g.name(), g.info().dataHash(), g.info().triples(), error, t0,
            Duration.between(t0, Instant.now()).toMillis());
        history.addFirst(r);
        while (history.size() > HISTORY) history.removeLast();
        return r;
    }

    private void pruneBackups() throws IOException {
        List<Backup> all = backups();
        for (Backup b : all.subList(Math.min(keepBackups, all.size()), all.size())) {
            Files.deleteIfExists(layout.backups().resolve(b.name()));
        }
    }

    /** Another load is running: refused (409), never queued behind it. */
    public static final class LoadInProgressException extends RuntimeException {
        LoadInProgressException() { super("Un chargement est déjà en cours / a load is already in progress"); }
    }

    /** No data file is loaded into that named graph (404). */
    public static final class UnknownGraphException extends RuntimeException {
        UnknownGraphException(String name) { super("Graphe inconnu / unknown graph: " + abbreviate(name)); }
    }

    /** No backup of that name (404). */
    public static final class UnknownBackupException extends RuntimeException {
        UnknownBackupException(String name) { super("Sauvegarde inconnue / unknown backup: " + abbreviate(name)); }
    }

    private static String abbreviate(String s) { return s.length() > 80 ? s.substring(0, 77) + "..." : s; }
}
