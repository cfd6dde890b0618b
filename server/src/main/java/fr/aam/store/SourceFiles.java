package fr.aam.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files that make the graph: every {@code *.ttl} of ontology/ and data/, each loaded into the named graph
 * {@code <graphBase><file name without .ttl>} ({@code data/vienne-benchmark.ttl} → {@code …/graph/vienne-benchmark}),
 * and every {@code *.trig}, whose quads keep the graph names the file gives them (graphIri null).
 */
public final class SourceFiles {

    public static final String SHAPES = "shapes";
    private static final String ONTOLOGY_DIR = "ontology";

    private final List<SourceFile> files;

    private SourceFiles(List<SourceFile> files) { this.files = List.copyOf(files); }

    /**
     * @param home         the working copy (file names are reported relative to it)
     * @param contextFiles base names of the data files every other data file may refer to ({@link StoreSettings})
     */
    public static SourceFiles scan(String graphBase, Path home, Collection<String> contextFiles, Path... dirs) {
        Set<String> context = Set.copyOf(contextFiles);
        List<SourceFile> found = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) throw new IllegalStateException("Missing folder " + dir.getFileName());
            boolean ontology = dir.getFileName().toString().equals(ONTOLOGY_DIR);
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().matches(".*\\.(ttl|trig)$")).sorted().forEach(p -> {
                    String file = p.getFileName().toString();
                    String base = file.substring(0, file.lastIndexOf('.'));
                    SourceFile.Role role = ontology && base.equals(SHAPES) ? SourceFile.Role.SHAPES
                        : ontology || context.contains(base) ? SourceFile.Role.CONTEXT : SourceFile.Role.DATA;
                    found.add(new SourceFile(p, relative(home, p), file.endsWith(".trig") ? null : graphBase + base, role));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SourceFiles(found);
    }

    public List<SourceFile> files() { return files; }

    public SourceFile byName(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The files' fingerprints. A file whose size and modification time match its previous fingerprint keeps that
     * fingerprint's hash without being read (a restart on unchanged data reads no file); any other is hashed.
     */
    public List<FileFingerprint> fingerprints(Collection<FileFingerprint> previous) {
        Map<String, FileFingerprint> before = previous.stream()
            .collect(Collectors.toMap(FileFingerprint::name, Function.identity(), (a, b) -> a));
        List<FileFingerprint> out = new ArrayList<>();
        for (SourceFile f : files) {
            try {
                long size = Files.size(f.path());
                long modified = Files.getLastModifiedTime(f.path()).toMillis();
                FileFingerprint old = before.get(f.name());
                FileFingerprint now = new FileFingerprint(f.name(), size, modified, null, List.of());
                out.add(now.sameSizeAndTime(old) ? old
                    : new FileFingerprint(f.name(), size, modified, sha256(f.path()), List.of()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static String sha256(Path p) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One hash over the names and hashes of all files, in order: what a generation of the store was built from. */
    public static String combinedHash(List<FileFingerprint> fingerprints) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (FileFingerprint f : fingerprints) {
                md.update((f.name() + "\0" + f.sha256() + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String relative(Path home, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return (abs.startsWith(home) ? home.relativize(abs) : abs.getFileName()).toString().replace('\\', '/');
    }
}
