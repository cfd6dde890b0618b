package fr.aam.web;

import fr.aam.linkeddata.SiteSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/** The French full-text search: {@code /search?q=} (the results page of the header's search box) and its JSON. */
@Controller
@Tag(name = "Search", description = "French full-text search over names, descriptions and quotes")
public class SearchController {

    private final SiteSearch search;

    public SearchController(SiteSearch search) { this.search = search; }

    @GetMapping("/search")
    public ModelAndView page(@RequestParam(defaultValue = "") String q, Locale locale) {
        return new ModelAndView("search", "results", search.search(q, SiteSearch.MAX_LIMIT, locale.getLanguage()));
    }

    @GetMapping(value = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "Search the graph: hits grouped by type (French names unless lang=en), exact names first — "
        + "for the search box and its autocompletion")
    public SiteSearch.Results api(@Parameter(description = "Words to find, e.g. aide a domicile") @RequestParam String q,
                                  @Parameter(description = "Most hits returned (1–200)") @RequestParam(defaultValue = "50") int limit,
                                  @Parameter(description = "fr (default) or en, for the names of the types")
                                  @RequestParam(defaultValue = "fr") String lang) {
        return search.search(q, limit, "en".equals(lang) ? Locale.ENGLISH.getLanguage() : Locale.FRENCH.getLanguage());
    }
}
