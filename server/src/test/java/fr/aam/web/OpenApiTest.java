package fr.aam.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aam.graph.ProjectGraph;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The OpenAPI description is valid and has one typed operation per canned query, so a client generator gets methods. */
class OpenApiTest extends RunningServer {

    @Test
    void validAndOneTypedOperationPerCannedQuery() throws Exception {
        String json = http.get("/api/openapi").body();
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, null);
        assertThat(result.getMessages()).as("validator messages").isEmpty();
        OpenAPI api = result.getOpenAPI();

        for (Path f : ProjectGraph.cannedQueryFiles()) {
            String id = f.getFileName().toString().replace(".rq", "");
            var item = api.getPaths().get("/api/queries/" + id);
            assertThat(item).as(id).isNotNull();
            Operation op = item.getGet();
            assertThat(op.getOperationId()).as(id).matches("[a-z][A-Za-z0-9]*");
            assertThat(op.getSummary()).as(id).isNotBlank();
            assertThat(op.getResponses().get("200").getContent()).as(id).isNotEmpty();
            assertThat(op.getParameters()).as(id).anyMatch(p -> p.getName().equals("format") && !p.getSchema().getEnum().isEmpty());
        }

        Operation partners = api.getPaths().get("/api/queries/partners-per-initiative").getGet();
        Parameter action = partners.getParameters().stream().filter(p -> p.getName().equals("action")).findFirst().orElseThrow();
        assertThat(action.getSchema().getFormat()).isEqualTo("uri");
        // long lists: the link to the values endpoint; short ones: an enumeration as well
        assertThat(action.getSchema().getExtensions()).containsEntry("x-values",
            "/api/queries/partners-per-initiative/parameters/action/values");
        Parameter role = partners.getParameters().stream().filter(p -> p.getName().equals("role")).findFirst().orElseThrow();
        assertThat(role.getSchema().getEnum()).contains(ID + "role/funder");
        assertThat(api.getPaths().get("/api/queries/partners-per-initiative").getGet().getResponses().get("200").getContent())
            .containsKeys("application/json", "text/csv", "application/sparql-results+json");
        Parameter text = api.getPaths().get("/api/queries/search").getGet().getParameters().stream()
            .filter(p -> p.getName().equals("text")).findFirst().orElseThrow();
        assertThat(text.getRequired()).isTrue();
        // OpenAPI 3.1 (springdoc's default) types a schema with a set of types
        assertThat(text.getSchema().getType() != null ? java.util.Set.of(text.getSchema().getType()) : text.getSchema().getTypes())
            .contains("string");
        assertThat(api.getPaths().get("/api/queries/actor-card").getGet().getResponses().get("200").getContent())
            .containsKeys("text/turtle", "application/ld+json");
        assertThat(api.getPaths()).containsKey("/api/search");
    }
}
