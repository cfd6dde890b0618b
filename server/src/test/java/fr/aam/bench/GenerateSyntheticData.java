package fr.aam.bench;

import fr.aam.graph.ProjectGraph;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Command: writes a synthetic graph of about {@code -Dsynthetic.triples} triples (default 100 000) into
 * {@code -Dsynthetic.out} (default {@code server/target/synthetic-<triples>/}), from {@code -Dsynthetic.seed} (default 42),
 * under the base IRI {@code -Dsynthetic.base-iri} (default the server's, {@code aam.base-iri}).
 * Run from the working copy's root:
 * <pre>mvn -q -pl server test-compile exec:java@synthetic -Dsynthetic.triples=1000000</pre>
 * Copy the files into a working copy's data/ (never this one's) to load them with the real graph; see
 * docs/benchmark.md.
 */
public final class GenerateSyntheticData {

    private GenerateSyntheticData() {}

    public static void main(String[] args) throws Exception {
        long triples = (long) Double.parseDouble(System.getProperty("synthetic.triples", "100000"));
        long seed = Long.parseLong(System.getProperty("synthetic.seed", "42"));
        Path home = ProjectGraph.home();
        String outDir = System.getProperty("synthetic.out", "");
        Path out = outDir.isBlank() ? home.resolve("server/target/synthetic-" + triples) : Path.of(outDir).toAbsolutePath();
        long t0 = System.nanoTime();
        SyntheticGraph.Result r = new SyntheticGraph(home,
            System.getProperty("synthetic.base-iri", "https://w3id.org/attractivite-autonomie/"), seed).write(out, triples);
        System.out.printf(Locale.ROOT, "%,d triples in %d files (one named graph each) written to %s in %.1f s%n",
            r.triples(), r.files().size(), out, (System.nanoTime() - t0) / 1e9);
    }
}
