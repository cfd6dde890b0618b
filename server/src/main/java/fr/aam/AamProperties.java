package fr.aam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings from application.yml (prefix {@code aam}).
 *
 * @param home          the working copy holding ontology/, data/ and queries/; blank = found by walking up from
 *                      the current directory (so the server runs from the root or from server/)
 * @param store         folder of the TDB2 store; relative paths are resolved against {@code home}
 * @param queryTimeout  limit for any SPARQL query, on /sparql and on the canned-query API
 * @param baseIri       base of resource IRIs ({@code …/id/…}) and named graphs ({@code …/graph/…})
 * @param maxPageSize   largest {@code limit} the canned-query API accepts
 */
@ConfigurationProperties(prefix = "aam")
public record AamProperties(String home, String store, Duration queryTimeout, String baseIri, int maxPageSize) {

    public AamProperties {
        if (queryTimeout == null) queryTimeout = Duration.ofSeconds(30);
        if (baseIri == null || baseIri.isBlank()) baseIri = "https://w3id.org/attractivite-autonomie/";
        if (store == null || store.isBlank()) store = "store";
        if (maxPageSize <= 0) maxPageSize = 10_000;
    }

    /** The working copy: the configured home, or the nearest ancestor of the current directory holding ontology/. */
    public Path homeDir() {
        if (home != null && !home.isBlank()) return Path.of(home).toAbsolutePath().normalize();
        Path dir = Path.of("").toAbsolutePath();
        return findWorkingCopy(dir) == null ? dir : findWorkingCopy(dir);
    }

    /** The nearest folder from {@code start} upwards holding ontology/ and data/, or null: the one working-copy finder. */
    public static Path findWorkingCopy(Path start) {
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("ontology")) && Files.isDirectory(p.resolve("data"))) return p;
        }
        return null;
    }

    public Path storeDir() { return homeDir().resolve(store).normalize(); }
    public Path ontologyDir() { return homeDir().resolve("ontology"); }
    public Path dataDir() { return homeDir().resolve("data"); }
    public Path queriesDir() { return homeDir().resolve("queries"); }

    /** The dataset's IRIs, all derived from {@code baseIri}. */
    public Iris iris() { return new Iris(baseIri).checked(); }

    /** {@code <base>graph/}: see {@link Iris#graphBase()}. */
    public String graphBase() { return iris().graphBase(); }
}
