package fr.aam.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Competency questions: each file of src/test/resources/competency/<document>/ is a question in SPARQL with the
 * answer read in the document ({@code # expect:} lines). The values of the first projected variable must be exactly
 * that set.
 */
class CompetencyQuestionsTest {

    static final Path DIR = ProjectGraph.home().resolve("server/src/test/resources/competency");

    @TestFactory
    Stream<DynamicTest> competencyQuestions() throws IOException {
        return ProjectGraph.queryFiles(DIR).stream().map(f -> DynamicTest.dynamicTest(DIR.relativize(f).toString(), () -> check(f)));
    }

    @org.junit.jupiter.api.Test
    void thereAreAtLeastSixtyQuestionsOverTheFourDocuments() throws IOException {
        for (String doc : List.of("vienne", "cspams", "plan", "landes")) {
            assertTrue(ProjectGraph.queryFiles(DIR.resolve(doc)).size() >= 12, doc + " needs its questions");
        }
        assertTrue(ProjectGraph.queryFiles(DIR).size() >= 60);
    }

    static void check(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Set<String> expected = new TreeSet<>();
        for (String line : text.split("\\R")) {
            if (line.startsWith("# expect:")) expected.add(line.substring("# expect:".length()).trim());
        }
        assertFalse(expected.isEmpty(), file + " has no '# expect:' line");
        Query q = QueryFactory.create(text);
        Set<String> actual = ((java.util.function.Supplier<Set<String>>) () -> {
            try (QueryExec exec = QueryExec.dataset(ProjectGraph.union()).query(q).build()) {
                Set<String> out = new TreeSet<>();
                if (q.isAskType()) { out.add(Boolean.toString(exec.ask())); return out; }
                RowSet rows = exec.select();
                var first = rows.getResultVars().get(0);
                rows.forEachRemaining(b -> {
                    Node n = b.get(first);
                    out.add(n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString());
                });
                return out;
            }
        }).get();
        assertEquals(expected, actual, () -> "question " + file.getFileName() + ": " + question(text));
    }

    private static String question(String text) {
        List<String> q = new ArrayList<>();
        for (String line : text.split("\\R")) if (line.startsWith("# question:")) q.add(line.substring(11).trim());
        return String.join(" ", q);
    }
}
