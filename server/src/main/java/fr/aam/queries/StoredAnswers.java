package fr.aam.queries;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetReader;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.util.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers computed ahead, written beside the data version they answer, so that a restart on the same store reads
 * them instead of computing them again (at 10⁷ triples, computing them takes 25 minutes; reading them, a moment).
 * A data version is a store generation, which never changes and whose directory goes when it is retired: the
 * answers go with it. An answer is its kept rows in Jena's binary result format (RDF Thrift: terms exactly as the
 * engine gave them) and a properties file naming the request, its total and whether the rows are the whole answer;
 * the file name is a hash of the request (the canned query's text is in it: an edited query is computed anew).
 * Only the requests computed ahead are written (a bounded set); a file that cannot be read is computed again.
 */
public final class StoredAnswers {

    private static final Logger log = LoggerFactory.getLogger(StoredAnswers.class);

    /** Where the answers of a data version are written, or null when that version is not the one served. */
    private final Function<String, Path> directoryOf;

    /** @param directoryOf the directory of a data version's answers, or null (then nothing is read or written) */
    public StoredAnswers(Function<String, Path> directoryOf) { this.directoryOf = directoryOf; }

    /** Answers kept in memory only (no store: tests, a dry run). */
    public static StoredAnswers none() { return new StoredAnswers(version -> null); }

    /** Whether an answer of {@code request} on {@code version} is stored. */
    boolean has(String version, String request) {
        Path dir = directoryOf.apply(version);
        return dir != null && Files.isRegularFile(dir.resolve(fileName(request) + ".properties"));
    }

    /** The answer stored for {@code request} on {@code version}, or null (none, or not readable). */
    KeptAnswers.Answer read(String version, String request) {
        Path dir = directoryOf.apply(version);
        if (dir == null) return null;
        String name = fileName(request);
        Path about = dir.resolve(name + ".properties");
        if (!Files.isRegularFile(about)) return null;
        try {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(about, StandardCharsets.UTF_8)) { p.load(in); }
            if (!request.equals(p.getProperty("request"))) return null;
            List<Binding> rows = new ArrayList<>();
            RowSet stored;
            try (InputStream in = Files.newInputStream(dir.resolve(name + ".trdf"))) {
                stored = RowSetReader.createReader(ResultSetLang.RS_Thrift).read(in, Context.emptyContext());
                stored.forEachRemaining(rows::add);
            }
            return new KeptAnswers.Answer(stored.getResultVars(), rows, Boolean.parseBoolean(p.getProperty("complete")),
                Long.parseLong(p.getProperty("total")));
        } catch (IOException | RuntimeException e) {
            log.warn("Stored answer {} not read, computed again: {}", about.getFileName(), e.getMessage());
            return null;
        }
    }

    /** Writes {@code answer} as {@code request}'s on {@code version}; the properties file last, once the rows are whole. */
    void write(String version, String request, KeptAnswers.Answer answer) {
        Path dir = directoryOf.apply(version);
        if (dir == null) return;
        String name = fileName(request);
        try {
            Files.createDirectories(dir);
            Path rows = dir.resolve(name + ".trdf");
            Path rowsTmp = dir.resolve(name + ".trdf.tmp");
            try (OutputStream out = Files.newOutputStream(rowsTmp)) {
                RowSet rowSet = RowSetStream.create(answer.vars(), answer.rows().iterator());
                RowSetWriterRegistry.getFactory(ResultSetLang.RS_Thrift).create(ResultSetLang.RS_Thrift)
                    .write(out, rowSet, Context.emptyContext());
            }
            Files.move(rowsTmp, rows, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Properties p = new Properties();
            p.setProperty("request", request);
            p.setProperty("total", Long.toString(answer.total()));
            p.setProperty("complete", Boolean.toString(answer.complete()));
            Path about = dir.resolve(name + ".properties");
            Path aboutTmp = dir.resolve(name + ".properties.tmp");
            try (Writer out = Files.newBufferedWriter(aboutTmp, StandardCharsets.UTF_8)) {
                p.store(out, "an answer computed ahead (fr.aam.queries.StoredAnswers): rows in " + rows.getFileName());
            }
            Files.move(aboutTmp, about, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // the answer stays kept in memory; the next restart computes it again
            log.warn("Answer computed ahead not stored in {}: {}", dir, e.getMessage());
        }
    }

    private static String fileName(String request) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
