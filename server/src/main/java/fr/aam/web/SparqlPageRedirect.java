package fr.aam.web;

import fr.aam.web.conneg.ContentNegotiation;
import fr.aam.web.conneg.Format;
import fr.aam.web.conneg.NotAcceptableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A browser opening {@code /sparql} (a GET with no query, no graph, and an Accept header that prefers HTML) is sent
 * to the SPARQL editor of the web page ({@code /#editeur}, 303) instead of downloading what Fuseki answers. Programs —
 * any request with a query or a graph, or an Accept header preferring a data format — reach Fuseki unchanged. A filter
 * before Fuseki's, since Fuseki answers /sparql outside Spring MVC.
 */
@Configuration
public class SparqlPageRedirect {

    /** Data formats first: only a client that prefers HTML to all of them is a browser. */
    private static final List<Format> OFFER = List.of(Format.JSON, Format.XML, Format.CSV, Format.TSV, Format.TURTLE,
        Format.JSONLD, Format.NTRIPLES, Format.TRIG, Format.NQUADS, Format.HTML);
    static final String EDITOR = "/#editeur";

    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> sparqlPageRedirectFilter() {
        FilterRegistrationBean<OncePerRequestFilter> reg = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (isBrowserOpeningTheEndpoint(request)) {
                    response.setStatus(HttpStatus.SEE_OTHER.value());
                    response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
                    UriComponentsBuilder editor = UriComponentsBuilder.fromUriString(EDITOR);
                    if ("en".equals(request.getParameter(PageLanguage.PARAM))) editor.queryParam(PageLanguage.PARAM, "en");
                    response.setHeader(HttpHeaders.LOCATION, editor.build().toUriString());
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        reg.addUrlPatterns("/sparql");
        reg.setName("sparqlPageRedirect");
        reg.setOrder(Ordered.LOWEST_PRECEDENCE - 20); // before Fuseki's filter (LOWEST_PRECEDENCE - 10)
        return reg;
    }

    static boolean isBrowserOpeningTheEndpoint(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) return false;
        for (String p : List.of("query", "graph", "default", "update", "request")) if (request.getParameter(p) != null) return false;
        if (request.getHeader(HttpHeaders.ACCEPT) == null) return false;
        try {
            return ContentNegotiation.choose(request, OFFER) == Format.HTML;
        } catch (NotAcceptableException e) {
            return false;
        }
    }
}
