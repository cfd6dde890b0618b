package fr.aam.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * The folders under {@code aam.store}: one folder per generation of the store ({@code gen-…}: a TDB2 database, its
 * text index, {@code generation.tsv}), a {@code CURRENT} file naming the generation served, {@code backups/}.
 * Switching generations is one atomic rename of {@code CURRENT}: a crash at any moment leaves either the old or the
 * new generation named, both complete; whatever else is found at start is left over from a crash and removed.
 */
public final class StoreLayout {

    private static final String CURRENT = "CURRENT";
    private static final String PREFIX = "gen-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Path root;

    public StoreLayout(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
            Files.createDirectories(backups());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() { return root; }
    public Path backups() { return root.resolve("backups"); }

    /** The generation named by CURRENT, if any. */
    public Optional<Path> current() {
        Path f = root.resolve(CURRENT);
        try {
            if (!Files.isRegularFile(f)) return Optional.empty();
            String name = Files.readString(f, StandardCharsets.UTF_8).trim();
            Path dir = root.resolve(name);
            return name.startsWith(PREFIX) && Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty generation folder (not served until {@link #publish}). */
    public Path newGeneration() {
        Path dir = root.resolve(PREFIX + STAMP.format(java.time.Instant.now()) + "-" + SEQUENCE.incrementAndGet());
        try {
            return Files.createDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names {@code generation} in CURRENT: written beside, forced to disk, then renamed over the old one. */
    public void publish(Path generation) {
        Path tmp = root.resolve(CURRENT + ".tmp");
        try {
            Files.writeString(tmp, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) { ch.force(true); }
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) { dir.force(true); } catch (IOException ignored) {
                // some file systems cannot sync a directory; the rename itself is atomic
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every generation folder but the ones given (left over from a crash or an unfinished retirement). */
    public List<Path> removeAllBut(List<Path> keep) {
        try (Stream<Path> s = Files.list(root)) {
            List<Path> stale = s.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p))
                .filter(p -> keep.stream().noneMatch(k -> k.getFileName().equals(p.getFileName()))).toList();
            stale.forEach(StoreLayout::delete);
            return stale;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
