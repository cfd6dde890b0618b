package fr.aam.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aam.graph.ProjectGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads are all-or-nothing against a real TDB2 store: a broken file stops the load and the old data stays served. */
class StoreReloadTest {

    @TempDir Path tmp;

    @Test
    void brokenFileKeepsThePreviousDataAndNamesFileAndLine() throws IOException {
        Path home = copyWorkingCopy();
        TdbStore store = new TdbStore(tmp.resolve("tdb2"), ProjectGraph.GRAPH_BASE, 10_000);

        LoadStatus first = loader(home, store).loadIfChanged();
        assertThat(first.outcome()).isEqualTo(LoadStatus.Outcome.LOADED);
        long triples = store.tripleCount();
        assertThat(triples).isGreaterThan(1000);
        assertThat(loader(home, store).loadIfChanged().outcome()).isEqualTo(LoadStatus.Outcome.UNCHANGED);

        Path levers = home.resolve("data/levers.ttl");
        // the file ends with a newline; one blank line, then the broken statement
        long brokenLine = Files.readString(levers).chars().filter(c -> c == '\n').count() + 2;
        Files.writeString(levers, "\nlever:broken skos:prefLabel ] .\n", StandardOpenOption.APPEND);
        LoadStatus broken = loader(home, store).loadIfChanged();

        assertThat(broken.outcome()).isEqualTo(LoadStatus.Outcome.FAILED);
        assertThat(broken.error()).contains("data/levers.ttl:" + brokenLine);
        assertThat(store.contentHash()).hasValue(first.storeHash());
        assertThat(store.tripleCount()).isEqualTo(triples);
        assertThat(countLevers(store)).isEqualTo(18);
    }

    @Test
    void dataThatDoesNotConformIsRefusedWithTheViolation() throws IOException {
        Path home = copyWorkingCopy();
        TdbStore store = new TdbStore(tmp.resolve("tdb2"), ProjectGraph.GRAPH_BASE, 10_000);
        assertThat(loader(home, store).loadIfChanged().outcome()).isEqualTo(LoadStatus.Outcome.LOADED);
        Files.writeString(home.resolve("data/levers.ttl"),
            "\nlever:orphan a skos:Concept , aam:Lever ; skos:prefLabel \"Sans schéma\"@fr .\n", StandardOpenOption.APPEND);
        LoadStatus refused = loader(home, store).loadIfChanged();
        assertThat(refused.outcome()).isEqualTo(LoadStatus.Outcome.FAILED);
        assertThat(refused.error()).contains("SHACL").contains("lever/orphan");
        assertThat(countLevers(store)).isEqualTo(18);
    }

    private static StoreLoader loader(Path home, TdbStore store) {
        return new StoreLoader(store, SourceFiles.scan(ProjectGraph.GRAPH_BASE, home.resolve("ontology"), home.resolve("data")),
            new GraphParser(home), StoreLoader.validatorFor(ProjectGraph.GRAPH_BASE));
    }

    private static long countLevers(TdbStore store) {
        String q = "PREFIX aam: <https://w3id.org/attractivite-autonomie/def#> SELECT (COUNT(?l) AS ?n) WHERE { ?l a aam:Lever }";
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExec ex = QueryExec.dataset(store.dataset()).query(QueryFactory.create(q)).build()) {
                return ((Number) ex.select().next().get("n").getLiteralValue()).longValue();
            }
        });
    }

    private Path copyWorkingCopy() throws IOException {
        return ProjectGraph.copyWorkingCopy(tmp.resolve("home"), "ontology", "data");
    }
}
