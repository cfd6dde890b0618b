package fr.aam.web;

import fr.aam.AamProperties;
import fr.aam.queries.CannedQuery;
import fr.aam.queries.CannedQueryService;
import fr.aam.queries.ParameterValues;
import fr.aam.queries.QueryCatalog;
import fr.aam.queries.QueryParam;
import fr.aam.web.conneg.Format;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One OpenAPI operation per canned query ({@code GET /api/queries/partners-per-initiative}…), generated at start from
 * the queries' metadata headers (the grlc way): its French title as summary, English title and description, each
 * parameter typed (IRI, text, integer, date; lists for multi-valued ones) with its allowed values (an enumeration when
 * there are at most {@value #MAX_ENUM}, read from the store when the description is generated; always the link to
 * its values endpoint), paging and the result formats of its query form. Adding a .rq file adds an operation; a
 * client generator gets one typed method per query.
 */
@Configuration
public class CannedQueriesOpenApi {

    /** Above this many allowed values, the parameter links to its values endpoint without listing them. */
    static final int MAX_ENUM = ParameterValues.MAX_RESULTS;
    private static final String PROBLEM = "Problem";
    private static final String ROWS = "Rows";

    @Bean
    public OpenApiCustomizer cannedQueryOperations(CannedQueryService service, ParameterValues values, AamProperties props) {
        return openApi -> describe(openApi, service.catalog(), values, props.maxPageSize());
    }

    static void describe(OpenAPI openApi, QueryCatalog catalog, ParameterValues values, int maxPageSize) {
        if (openApi.getPaths() == null) openApi.setPaths(new Paths());
        openApi.getInfo().title("Attractivité des métiers de l'autonomie — API")
            .description("Requêtes nommées sur le graphe de connaissances (une opération par requête de queries/), "
                + "recherche, données liées. Named queries over the knowledge graph (one operation per query of queries/), "
                + "search, linked data.");
        components(openApi);
        Tag tag = new Tag().name("Canned queries").description("One operation per query of queries/");
        if (openApi.getTags() == null || openApi.getTags().stream().noneMatch(t -> t.getName().equals(tag.getName()))) {
            openApi.addTagsItem(tag);
        }
        for (CannedQuery q : catalog.all().values()) {
            openApi.getPaths().addPathItem("/api/queries/" + q.id(), new PathItem().get(operation(q, values, maxPageSize)));
        }
    }

    private static Operation operation(CannedQuery q, ParameterValues values, int maxPageSize) {
        boolean graph = q.query().isConstructType() || q.query().isDescribeType();
        Operation op = new Operation()
            .operationId(camel(q.id()))
            .summary(q.title().fr())
            .description(q.title().en() + ".\n\n" + q.description().fr() + "\n\n" + q.description().en()
                + "\n\nSPARQL: `GET /api/queries/" + q.id() + "/describe`.")
            .addTagsItem("Canned queries");
        for (QueryParam p : q.params()) op.addParametersItem(parameter(q, p, values));
        if (!graph) {
            op.addParametersItem(new Parameter().in("query").name("limit").description("Page size (rows)")
                .schema(new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(maxPageSize))
                    ._default(CannedQueryService.DEFAULT_LIMIT)));
            op.addParametersItem(new Parameter().in("query").name("offset").description("Rows to skip")
                .schema(new IntegerSchema().minimum(BigDecimal.ZERO)._default(0)));
        }
        List<Format> formats = ResultFormat.offer(graph);
        StringSchema format = new StringSchema();
        formats.forEach(f -> format.addEnumItem(f.token()));
        format.setDefault(formats.get(0).token());
        op.addParametersItem(new Parameter().in("query").name("format")
            .description("Result format, instead of the Accept header").schema(format));

        Content ok = new Content();
        for (Format f : formats) {
            Schema<?> schema = f == Format.ROWS ? new Schema<>().$ref("#/components/schemas/" + ROWS) : new StringSchema();
            ok.addMediaType(f.mediaType(), new MediaType().schema(schema));
        }
        ApiResponse success = new ApiResponse().description(graph ? "The graph" : "One page of rows").content(ok);
        if (!graph) {
            success.addHeaderObject("X-Total-Count", new Header().description("Rows of the whole result")
                .schema(new IntegerSchema()));
            success.addHeaderObject("Link", new Header().description("rel=\"next\": the next page").schema(new StringSchema()));
        }
        op.responses(new ApiResponses()
            .addApiResponse("200", success)
            .addApiResponse("400", problem("A parameter is missing or not valid (the problem names it)"))
            .addApiResponse("406", problem("No format of this query matches the Accept header")));
        return op;
    }

    private static Parameter parameter(CannedQuery q, QueryParam p, ParameterValues values) {
        Schema<?> value = switch (p.type()) {
            case IRI -> new StringSchema().format("uri");
            case STRING -> new StringSchema().minLength(1).maxLength(500);
            case INTEGER -> new IntegerSchema().format("int64");
            case DATE -> new StringSchema().format("date");
        };
        StringBuilder description = new StringBuilder(p.label().fr() + " (" + p.label().en() + ")");
        if (p.help() != null) description.append(": ").append(p.help().fr()).append(" — ").append(p.help().en());
        if (p.valuesOf() != null) {
            String endpoint = "/api/queries/" + q.id() + "/parameters/" + p.name() + "/values";
            description.append(description.isEmpty() ? "" : ". ").append("An instance of <").append(p.valuesOf())
                .append("> (full IRI, or prefixed like actor:le-centre); the values, searchable: GET ").append(endpoint);
            ParameterValues.Choices allowed = values.search(p, "", null, "fr", MAX_ENUM);
            if (!allowed.more()) {
                @SuppressWarnings("unchecked") Schema<Object> enumerated = (Schema<Object>) value;
                allowed.groups().forEach(g -> g.values().forEach(c -> enumerated.addEnumItemObject(c.value())));
            }
            value.addExtension("x-values", endpoint);
            value.addExtension("x-class", p.valuesOf());
        }
        if (p.defaultValue() != null && !p.multi()) value.setDefault(p.defaultValue());
        Parameter param = new Parameter().in("query").name(p.name()).required(p.required())
            .description(description.toString());
        if (p.multi()) {
            param.schema(new ArraySchema().items(value)).style(Parameter.StyleEnum.FORM).explode(true);
            param.setDescription(description + " Several values: repeat the parameter or separate them with commas.");
        } else {
            param.schema(value);
        }
        if (p.example() != null) param.example(p.multi() ? List.of(p.example()) : p.example());
        return param;
    }

    private static void components(OpenAPI openApi) {
        if (openApi.getComponents() == null) openApi.components(new io.swagger.v3.oas.models.Components());
        Map<String, Schema> rowsProps = new LinkedHashMap<>();
        rowsProps.put("query", new StringSchema().description("The query's id"));
        rowsProps.put("total", new IntegerSchema().format("int64").description("Rows of the whole result"));
        rowsProps.put("limit", new IntegerSchema().format("int64"));
        rowsProps.put("offset", new IntegerSchema().format("int64"));
        rowsProps.put("columns", new ArraySchema().items(new StringSchema()));
        rowsProps.put("rows", new ArraySchema().items(new ObjectSchema().additionalProperties(new StringSchema())
            .description("One row: column → value (IRIs and literals as text)")));
        rowsProps.put("boolean", new Schema<Boolean>().type("boolean").description("The answer of an ASK query"));
        openApi.getComponents().addSchemas(ROWS, new ObjectSchema().properties(rowsProps)
            .description("The simple JSON of the canned-query API"));
        Map<String, Schema> problemProps = new LinkedHashMap<>();
        problemProps.put("type", new StringSchema());
        problemProps.put("title", new StringSchema());
        problemProps.put("status", new IntegerSchema());
        problemProps.put("detail", new StringSchema());
        problemProps.put("instance", new StringSchema());
        problemProps.put("parameter", new StringSchema().description("The parameter at fault"));
        problemProps.put("available", new ArraySchema().items(new StringSchema()).description("The formats available"));
        openApi.getComponents().addSchemas(PROBLEM, new ObjectSchema().properties(problemProps)
            .description("RFC 9457 problem details"));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /** {@code partners-per-initiative} → {@code partnersPerInitiative}: an identifier every generator accepts. */
    static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : id.toCharArray()) {
            if (c == '-' || c == '_' || c == '.') { up = true; continue; }
            sb.append(up ? Character.toUpperCase(c) : Character.toLowerCase(c));
            up = false;
        }
        return sb.toString();
    }
}
