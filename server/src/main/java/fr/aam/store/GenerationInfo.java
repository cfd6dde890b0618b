package fr.aam.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one generation of the store was built from and holds, written beside it ({@code generation.tsv}) when it is
 * complete, so that a restart knows it without scanning the data.
 *
 * @param origin    {@code files} (ontology/ and data/), or {@code backup:<file>} when restored from a backup
 * @param dataHash  hash of the source files' hashes ({@link SourceFiles#combinedHash})
 * @param files     the source files it was built from
 * @param graphs    triples per named graph
 */
public record GenerationInfo(String name, String origin, Instant builtAt, long millis, long triples, String dataHash,
                             List<FileFingerprint> files, Map<String, Long> graphs) {

    static final String FILE_NAME = "generation.tsv";
    public static final String FROM_FILES = "files";

    public boolean fromFiles() { return FROM_FILES.equals(origin); }

    public FileFingerprint file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    void write(Path dir) {
        StringBuilder sb = new StringBuilder();
        sb.append("name\t").append(name).append('\n').append("origin\t").append(origin).append('\n')
          .append("builtAt\t").append(builtAt).append('\n').append("millis\t").append(millis).append('\n')
          .append("triples\t").append(triples).append('\n').append("dataHash\t").append(dataHash).append('\n');
        for (FileFingerprint f : files) {
            sb.append("file\t").append(f.name()).append('\t').append(f.size()).append('\t').append(f.modified())
              .append('\t').append(f.sha256()).append('\t').append(String.join(" ", f.graphs())).append('\n');
        }
        graphs.forEach((g, n) -> sb.append("graph\t").append(g).append('\t').append(n).append('\n'));
        try {
            Path tmp = dir.resolve(FILE_NAME + ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(FILE_NAME), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The info of a complete generation, or null when the folder holds none (an interrupted build). */
    static GenerationInfo read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return null;
        Map<String, String> fields = new LinkedHashMap<>();
        List<FileFingerprint> files = new ArrayList<>();
        Map<String, Long> graphs = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] c = line.split("\t", -1);
                switch (c[0]) {
                    case "file" -> files.add(new FileFingerprint(c[1], Long.parseLong(c[2]), Long.parseLong(c[3]), c[4],
                        c[5].isEmpty() ? List.of() : Arrays.asList(c[5].split(" "))));
                    case "graph" -> graphs.put(c[1], Long.parseLong(c[2]));
                    default -> fields.put(c[0], c.length > 1 ? c[1] : "");
                }
            }
            return new GenerationInfo(fields.get("name"), fields.get("origin"), Instant.parse(fields.get("builtAt")),
                Long.parseLong(fields.get("millis")), Long.parseLong(fields.get("triples")), fields.get("dataHash"),
                files, graphs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return null;   // a truncated or foreign file: the generation is not usable
        }
    }
}
