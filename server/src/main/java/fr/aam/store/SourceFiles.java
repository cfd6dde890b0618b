package fr.aam.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files that make the graph: every {@code *.ttl} of ontology/ and data/, each loaded into the named graph
 * {@code <graphBase><file name without .ttl>} ({@code data/vienne-benchmark.ttl} → {@code …/graph/vienne-benchmark}),
 * and every {@code *.trig}, whose quads keep the graph names the file gives them (graphIri null).
 * Their content hash tells the store whether it must reload.
 */
public final class SourceFiles {

    private final List<SourceFile> files;

    private SourceFiles(List<SourceFile> files) { this.files = List.copyOf(files); }

    public static SourceFiles scan(String graphBase, Path... dirs) {
        List<SourceFile> found = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) throw new IllegalStateException("Missing folder " + dir.toAbsolutePath());
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().matches(".*\\.(ttl|trig)$")).sorted().forEach(p -> {
                    String name = p.getFileName().toString();
                    found.add(name.endsWith(".trig") ? new SourceFile(p, null)
                        : new SourceFile(p, graphBase + name.substring(0, name.length() - ".ttl".length())));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SourceFiles(found);
    }

    public List<SourceFile> files() { return files; }

    /** SHA-256 over the names and bytes of all files, in a stable order. */
    public String contentHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (SourceFile f : files) {
                md.update(f.path().getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(f.path()));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
