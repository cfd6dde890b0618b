package fr.aam.queries;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aam.graph.ProjectGraph;
import fr.aam.sparql.LocalSparqlRunner;
import fr.aam.sparql.QueryResult;
import fr.aam.sparql.RunningQueries;
import fr.aam.store.GenerationBuilder;
import fr.aam.store.ServedStore;
import fr.aam.store.SourceFiles;
import fr.aam.store.StoreLayout;
import fr.aam.store.StoreMaintenance;
import fr.aam.store.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The total count of a full page, on a real TDB2 store: it is the number of rows of the whole result, counted by the
 * engine once per request and data version — asked again on the same data it costs no query; after a reload that
 * changes the data it is counted anew and tells the new number.
 */
class PageTotalTest {

    @TempDir Path tmp;

    @Test
    void totalOfAFullPageIsCountedOncePerDataVersion() throws IOException {
        Path home = ProjectGraph.copyWorkingCopy(tmp.resolve("home"), "ontology", "data", "queries");
        StoreLayout layout = new StoreLayout(tmp.resolve("store"));
        String graphBase = ProjectGraph.GRAPH_BASE;
        StoreMaintenance m = new StoreMaintenance(layout, () -> SourceFiles.scan(graphBase, home,
            new StoreSettings(null, 0).contextFiles(), home.resolve("ontology"), home.resolve("data")),
            new GenerationBuilder(layout, graphBase.substring(0, graphBase.length() - "graph/".length()), List.of(), List.of()),
            graphBase, 3);
        try (ServedStore served = m.start()) {
            LocalSparqlRunner store = new LocalSparqlRunner(served, Duration.ofSeconds(30), new RunningQueries());
            AtomicInteger counts = new AtomicInteger();
            fr.aam.sparql.SparqlRunner runner = new fr.aam.sparql.SparqlRunner() {   // the store, its count queries counted
                @Override public QueryResult run(Query q, Binding b) {
                    if (q.isSelectType() && q.getResultVars().equals(List.of("total"))) counts.incrementAndGet();
                    return store.run(q, b);
                }
                @Override public Map<String, String> prefixes() { return store.prefixes(); }
                @Override public String dataVersion() { return store.dataVersion(); }
            };
            CannedQueryService service = new CannedQueryService(QueryCatalog.load(home.resolve("queries"), runner), runner,
                new ParameterValues(runner), 10_000);

            long all = rows(service, "10000");
            assertThat(all).isGreaterThan(2);
            assertThat(total(service, "2")).isEqualTo(all);
            assertThat(counts.get()).as("a full page's total is counted by the engine").isEqualTo(1);
            assertThat(total(service, "2")).isEqualTo(all);
            assertThat(counts.get()).as("the same request on the same data is not counted again").isEqualTo(1);

            // one more mapping of a document's axis onto a reference lever: one more row of the crosswalk
            Files.writeString(home.resolve("data/cspams-paca-toolbox.ttl"),
                "\naxis:cspams-axe-2 skos:closeMatch lever:image .\n", StandardOpenOption.APPEND);
            assertThat(m.reload().outcome()).isEqualTo(fr.aam.store.LoadReport.Outcome.LOADED);
            assertThat(total(service, "2")).as("the new data's total, counted anew").isEqualTo(all + 1);
            assertThat(counts.get()).isEqualTo(2);
            assertThat(rows(service, "10000")).isEqualTo(all + 1);
        }
    }

    private static long total(CannedQueryService service, String limit) {
        PreparedRequest r = service.prepare("lever-crosswalk", Map.of("limit", List.of(limit)));
        return service.total(r, service.page(r));
    }

    private static long rows(CannedQueryService service, String limit) {
        PreparedRequest r = service.prepare("lever-crosswalk", Map.of("limit", List.of(limit)));
        return service.page(r).rows().size();
    }
}
