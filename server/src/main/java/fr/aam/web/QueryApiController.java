package fr.aam.web;

import fr.aam.queries.AllowedValue;
import fr.aam.queries.CannedQuery;
import fr.aam.queries.CannedQueryService;
import fr.aam.queries.PreparedRequest;
import fr.aam.queries.QueryParam;
import fr.aam.sparql.QueryResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The canned-query API: {@code GET /api/queries} (catalogue) and {@code GET /api/queries/{id}} (run). */
@RestController
@RequestMapping("/api/queries")
@Tag(name = "Canned queries", description = "Named, documented, parameterised SPARQL queries of queries/")
public class QueryApiController {

    private final CannedQueryService service;

    public QueryApiController(CannedQueryService service) { this.service = service; }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The catalogue: every query with its metadata, parameters (and their allowed values) and an example call")
    public List<Map<String, Object>> catalogue() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CannedQuery q : service.catalog().all().values()) out.add(describe(q));
        return out;
    }

    @GetMapping(value = "/{id}/describe", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One query's metadata and its SPARQL text")
    public Map<String, Object> describeOne(@PathVariable String id) {
        CannedQuery q = service.catalog().get(id);
        Map<String, Object> m = describe(q);
        m.put("sparql", q.text());
        return m;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Run a query. Parameters as documented in the catalogue; paging with limit/offset (total in "
        + "X-Total-Count); format= rows, json, xml, csv, tsv (SELECT/ASK) or turtle, jsonld, ntriples (CONSTRUCT), "
        + "or the Accept header")
    public ResponseEntity<byte[]> run(@PathVariable String id, HttpServletRequest request,
                                      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String acceptHeader) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, List.of(v)));
        PreparedRequest prepared = service.prepare(id, params);
        boolean graph = prepared.query().isConstructType() || prepared.query().isDescribeType();
        List<MediaType> accept = acceptHeader == null ? new ArrayList<>() : new ArrayList<>(MediaType.parseMediaTypes(acceptHeader));
        ResultFormat format = ResultFormat.choose(first(params.get("format")), accept, graph);
        QueryResult result = service.page(prepared);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(format.mediaType);
        long total = service.total(prepared, result);
        if (total >= 0) {
            headers.set("X-Total-Count", Long.toString(total));
            if (prepared.offset() + prepared.limit() < total) headers.add(HttpHeaders.LINK,
                "<" + pageLink(request, prepared.offset() + prepared.limit(), prepared.limit()) + ">; rel=\"next\"");
        }
        return ResponseEntity.ok().headers(headers).body(write(result, format, prepared, total));
    }

    private static byte[] write(QueryResult r, ResultFormat f, PreparedRequest p, long total) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (r.graph() != null) {
            RDFDataMgr.write(out, r.graph(), f.lang);
        } else if (f == ResultFormat.ROWS) {
            return RowsJson.write(p.source().id(), r, total, p.limit(), p.offset());
        } else if (r.ask() != null) {
            ResultsWriter.create().lang(f.lang).build().write(out, r.ask());
        } else {
            ResultsWriter.create().lang(f.lang).build().write(out, r.rows());
        }
        return out.toByteArray();
    }

    private Map<String, Object> describe(CannedQuery q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", q.id());
        m.put("title", q.title());
        m.put("description", q.description());
        m.put("tags", q.tags());
        m.put("view", q.view());
        m.put("form", q.query().queryType().name());
        List<Map<String, Object>> params = new ArrayList<>();
        StringBuilder example = new StringBuilder("/api/queries/" + q.id());
        String sep = "?";
        for (QueryParam p : q.params()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("type", p.type().name().toLowerCase(java.util.Locale.ROOT));
            pm.put("required", p.required());
            pm.put("multiValued", p.multi());
            if (p.defaultValue() != null) pm.put("default", p.defaultValue());
            pm.put("description", p.description());
            if (p.valuesOf() != null) {
                pm.put("valuesOf", p.valuesOf());
                List<AllowedValue> allowed = service.catalog().allowedValues(p);
                pm.put("allowedValues", allowed);
            }
            String ex = p.example();
            if (ex == null && p.valuesOf() != null && !service.catalog().allowedValues(p).isEmpty()) ex = service.catalog().allowedValues(p).get(0).value();
            if (ex != null && (p.required() || p.example() != null)) {
                example.append(sep).append(p.name()).append('=').append(URLEncoder.encode(ex, StandardCharsets.UTF_8));
                sep = "&";
            }
            params.add(pm);
        }
        m.put("parameters", params);
        m.put("example", example.toString());
        return m;
    }

    private static String pageLink(HttpServletRequest req, long offset, long limit) {
        StringBuilder sb = new StringBuilder(req.getRequestURI()).append('?');
        req.getParameterMap().forEach((k, vs) -> {
            if (k.equals("offset") || k.equals("limit")) return;
            for (String v : vs) sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
        });
        return sb.append("limit=").append(limit).append("&offset=").append(offset).toString();
    }

    private static String first(List<String> v) { return v == null || v.isEmpty() ? null : v.get(0); }
}
