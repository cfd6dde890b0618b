package fr.aam.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.aam.queries.CannedQuery;
import fr.aam.queries.QueryFileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import fr.aam.queries.QueryCatalog;
import fr.aam.sparql.LocalSparqlRunner;
import fr.aam.sparql.RunningQueries;
import fr.aam.sparql.SparqlRunner;
import java.time.Duration;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every canned query of queries/ has a valid header, parses, and runs as-is (parameters unbound) on the graph. */
class QueryFilesTest {

    @TestFactory
    Stream<DynamicTest> everyCannedQueryParsesAndRuns() throws IOException {
        List<Path> files = ProjectGraph.cannedQueryFiles();
        assertFalse(files.size() < 15, "the 15 canned queries the API documents");
        SparqlRunner runner = new LocalSparqlRunner(ProjectGraph::union, Duration.ofSeconds(30), new RunningQueries());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            CannedQuery q = new QueryFileParser().parse("queries/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
            QueryCatalog.dryRun(q, runner); // the server's own dry run
            boolean required = q.params().stream().anyMatch(p -> p.required());
            if (q.query().isSelectType() && !required) {
                // a query with no required parameter answers something on the graph as it is
                assertFalse(!runner.run(q.query(), BindingFactory.empty()).rows().hasNext(), q.id() + " returns no row on the graph");
            }
        }));
    }

    /** The federated examples of queries/examples/ need the network and an allow-list: only their syntax is checked. */
    @TestFactory
    Stream<DynamicTest> everyFederatedExampleParses() throws IOException {
        List<Path> files = ProjectGraph.queryFiles(ProjectGraph.home().resolve("queries/examples"));
        assertFalse(files.size() < 2, "examples joining Wikidata and INSEE");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            org.apache.jena.query.Query q = org.apache.jena.query.QueryFactory.create(Files.readString(f, StandardCharsets.UTF_8));
            assertFalse(!q.toString().contains("SERVICE"), f + " joins another endpoint");
        }));
    }
}
