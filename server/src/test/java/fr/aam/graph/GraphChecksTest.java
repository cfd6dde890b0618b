package fr.aam.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Rules the shapes cannot say simply, written as SPARQL in src/test/resources/checks/: each query lists the
 * resources that break its rule, so it must return no row.
 */
class GraphChecksTest {

    static final Path DIR = ProjectGraph.home().resolve("server/src/test/resources/checks");

    @TestFactory
    Stream<DynamicTest> everyCheckFindsNothing() throws IOException {
        return ProjectGraph.queryFiles(DIR).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            List<String> offenders = new ArrayList<>();
            try (QueryExec exec = QueryExec.dataset(ProjectGraph.union()).query(QueryFactory.create(text)).build()) {
                exec.select().forEachRemaining(b -> offenders.add(b.toString()));
            }
            assertTrue(offenders.isEmpty(), f.getFileName() + " — " + text.lines().findFirst().orElse("") + "\n  "
                + String.join("\n  ", offenders.subList(0, Math.min(20, offenders.size()))));
        }));
    }
}
