package fr.aam.web;

import static fr.aam.web.HttpClientSupport.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every canned query, run through the API on the real store without parameters (when it can) and with its example
 * parameters: no row is answered twice (counts shown to people would be wrong), and the rows have the columns its
 * metadata labels.
 */
class CannedQueryRowsTest extends RunningServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> noCannedQueryAnswersTheSameRowTwice() throws Exception {
        JsonNode catalogue = JSON.readTree(http.get("/api/queries").body());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode q : catalogue) {
            if (!"SELECT".equals(q.get("form").asText())) continue;
            StringBuilder examples = new StringBuilder();
            boolean required = false;
            for (JsonNode p : q.get("parameters")) {
                required |= p.get("required").asBoolean();
                if (p.has("example")) examples.append('&').append(p.get("name").asText()).append('=').append(enc(p.get("example").asText()));
            }
            String id = q.get("id").asText();
            if (!required) tests.add(DynamicTest.dynamicTest(id + " without parameters", () -> noDuplicates(q, "")));
            if (!examples.isEmpty()) tests.add(DynamicTest.dynamicTest(id + " with its examples", () -> noDuplicates(q, examples.toString())));
        }
        assertThat(tests).hasSizeGreaterThan(20);
        return tests.stream();
    }

    private void noDuplicates(JsonNode q, String params) throws Exception {
        String path = "/api/queries/" + q.get("id").asText() + "?limit=10000" + params;
        HttpResponse<String> r = http.get(path, "Accept", "application/sparql-results+json");
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        JsonNode result = JSON.readTree(r.body());
        List<String> vars = new ArrayList<>();
        result.get("head").get("vars").forEach(v -> vars.add(v.asText()));
        List<String> labelled = new ArrayList<>();
        q.get("columns").forEach(c -> labelled.add(c.get("name").asText()));
        assertThat(vars).as("columns of %s", path).isEqualTo(labelled);
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (JsonNode row : result.get("results").get("bindings")) {
            if (!seen.add(row.toString())) duplicates.add(row.toString());
        }
        assertThat(seen).as("%s answers something", path).isNotEmpty();
        assertThat(duplicates).as("rows answered twice by %s", path).isEmpty();
    }
}
