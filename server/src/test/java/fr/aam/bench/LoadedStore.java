package fr.aam.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the benchmark's load step left in its folder ({@code server/target/bench-<size>/}), written once the server
 * has loaded the store: the data's figures for the report, and whether the server started on it. A later run whose
 * steps do not include the load reuses that store (and the working copy it was built from) instead of generating and
 * loading again — at 10⁷ the load takes most of an hour.
 *
 * @param at     when the data was generated (ISO instant)
 * @param commit the commit whose code and data loaded it
 */
record LoadedStore(long quads, int files, long syntheticTriples, int syntheticFiles, boolean serverStarted, String commit,
                   String at) {

    static final String FILE = "loaded.properties";

    /** Whether {@code work} holds a store that a load step completed (its marker and the store folder). */
    static boolean isIn(Path work) {
        return Files.isRegularFile(work.resolve(FILE)) && Files.isDirectory(work.resolve("store")) && Files.isDirectory(work.resolve("home"));
    }

    LoadedStore withServerStarted(boolean started) {
        return new LoadedStore(quads, files, syntheticTriples, syntheticFiles, started, commit, at);
    }

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("quads", Long.toString(quads));
        p.setProperty("files", Integer.toString(files));
        p.setProperty("synthetic-triples", Long.toString(syntheticTriples));
        p.setProperty("synthetic-files", Integer.toString(syntheticFiles));
        p.setProperty("server-started", Boolean.toString(serverStarted));
        p.setProperty("commit", commit);
        p.setProperty("at", at);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "the benchmark's loaded store (fr.aam.bench.LoadedStore): reused by a run without the load step");
        }
    }

    static LoadedStore read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new LoadedStore(Long.parseLong(p.getProperty("quads")), Integer.parseInt(p.getProperty("files")),
            Long.parseLong(p.getProperty("synthetic-triples")), Integer.parseInt(p.getProperty("synthetic-files")),
            Boolean.parseBoolean(p.getProperty("server-started")), p.getProperty("commit"), p.getProperty("at"));
    }
}
