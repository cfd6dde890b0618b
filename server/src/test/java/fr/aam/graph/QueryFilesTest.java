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
import org.apache.jena.query.Query;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every canned query of queries/ has a valid header, parses, and runs as-is (parameters unbound) on the graph. */
class QueryFilesTest {

    @TestFactory
    Stream<DynamicTest> everyCannedQueryParsesAndRuns() throws IOException {
        List<Path> files = ProjectGraph.queryFiles(ProjectGraph.home().resolve("queries"));
        assertFalse(files.size() < 15, "the 15 canned queries the API documents");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            CannedQuery q = new QueryFileParser().parse("queries/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
            Query query = q.query();
            try (QueryExec exec = QueryExec.dataset(ProjectGraph.union()).query(query).build()) {
                if (query.isSelectType()) {
                    boolean required = q.params().stream().anyMatch(p -> p.required());
                    // a query with no required parameter answers something on the graph as it is
                    if (!required) assertFalse(!exec.select().hasNext(), q.id() + " returns no row on the graph");
                    else exec.select().forEachRemaining(b -> { });
                } else if (query.isConstructType()) {
                    exec.construct();
                }
            }
        }));
    }
}
