package fr.aam.web;

import fr.aam.sparql.SparqlRunner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The prefixes the data declares, so an editor can preload them (the page's SPARQL editor does). */
@RestController
@Tag(name = "Prefixes")
public class PrefixController {

    private final SparqlRunner runner;

    public PrefixController(SparqlRunner runner) { this.runner = runner; }

    @GetMapping(value = "/api/prefixes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The data's prefixes: {prefix: namespace}")
    public Map<String, String> prefixes() { return new TreeMap<>(runner.prefixes()); }
}
