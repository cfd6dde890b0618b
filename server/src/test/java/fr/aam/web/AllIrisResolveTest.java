package fr.aam.web;

import static fr.aam.web.HttpClientSupport.enc;
import static org.assertj.core.api.Assertions.assertThat;

import fr.aam.Iris;
import fr.aam.graph.ProjectGraph;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every IRI of the dataset that appears in the graph (as subject, property or value) resolves on this server: a page
 * answers 200 for a browser, titled with a name (never an IRI), an IRI with a fragment lands on its anchor, and the
 * page's notes (extraction notes and notes for readers) name nothing by a prefixed name of the data's prefixes.
 */
class AllIrisResolveTest extends RunningServer {

    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    /** The notes of a resource page: the folded extraction notes and the section of notes for readers. */
    private static final Pattern NOTES = Pattern.compile(
        "<details class=\"extraction-notes\">[\\s\\S]*?</details>|<section class=\"notes\"[\\s\\S]*?</section>");

    @Test
    void everyIriOfTheGraphResolvesToATitledPage() throws Exception {
        Iris iris = ProjectGraph.IRIS;
        String query = "SELECT DISTINCT ?x WHERE { { ?x ?p ?o } UNION { ?s ?x ?o } UNION { ?s ?p ?x } "
            + "FILTER(isIRI(?x) && STRSTARTS(STR(?x), \"" + iris.base() + "\")) }";
        List<String> all = http.get("/sparql?query=" + enc(query), "Accept", "text/csv").body().lines().skip(1)
            .map(String::trim).filter(s -> !s.isEmpty()).toList();
        assertThat(all).hasSizeGreaterThan(1300);
        Pattern prefixedName = prefixedNameOfTheData();
        int[] pagesWithNotes = {0};

        // one request per document (the IRI without its fragment); the fragments its page must hold
        Map<String, TreeSet<String>> fragments = new TreeMap<>();
        for (String iri : all) {
            String doc = Iris.document(iri);
            fragments.computeIfAbsent(doc, k -> new TreeSet<>());
            if (!doc.equals(iri)) fragments.get(doc).add(iri.substring(doc.length() + 1));
        }

        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Semaphore parallel = new Semaphore(4);
        Map<String, String> failures = new ConcurrentSkipListMap<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.currentTimeMillis();
        for (Map.Entry<String, TreeSet<String>> e : fragments.entrySet()) {
            String path = iris.href(e.getKey());
            boolean page = path.startsWith("/id/") || path.equals("/def") || path.startsWith("/def/") || path.startsWith("/graph/");
            parallel.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((r, error) -> {
                    parallel.release();
                    if (error != null) { failures.put(path, error.toString()); return; }
                    if (!page) {
                        // the SPARQL endpoint (303 to the editor for a browser) and the dumps
                        if (r.statusCode() != 200 && r.statusCode() != 303) failures.put(path, "status " + r.statusCode());
                        return;
                    }
                    if (r.statusCode() != 200) { failures.put(path, "status " + r.statusCode()); return; }
                    Matcher m = TITLE.matcher(r.body());
                    String title = m.find() ? m.group(1).trim() : "";
                    if (title.isEmpty() || title.contains("http://") || title.contains("https://") || title.startsWith("—")) {
                        failures.put(path, "title '" + title + "'");
                    }
                    Matcher notes = NOTES.matcher(r.body());
                    boolean any = false;
                    while (notes.find()) {
                        any = true;
                        Matcher raw = prefixedName.matcher(notes.group());
                        if (raw.find()) failures.put(path + " notes", "prefixed name '" + raw.group() + "'");
                    }
                    if (any) synchronized (pagesWithNotes) { pagesWithNotes[0]++; }
                    for (String f : e.getValue()) {
                        if (path.startsWith("/def") && !r.body().contains("id=\"" + f + "\"")) failures.put(path + "#" + f, "no anchor");
                    }
                }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        System.out.println("Resolved " + fragments.size() + " documents (" + all.size() + " IRIs) in "
            + (System.currentTimeMillis() - start) + " ms; " + pagesWithNotes[0] + " pages with notes");
        assertThat(failures).isEmpty();
        // the rdfs:comment of data/ are shown: a page walk that found none would check nothing
        assertThat(pagesWithNotes[0]).isGreaterThan(200);
    }

    /** "actor:", "aam:", "skos:"… followed by a local name: every prefix the data declares (GET /api/prefixes). */
    private Pattern prefixedNameOfTheData() throws Exception {
        java.util.Set<String> prefixes = new TreeSet<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.get("/api/prefixes").body()).fieldNames()
            .forEachRemaining(prefixes::add);
        assertThat(prefixes).contains("aam", "actor", "category", "figure", "person", "skos");
        String alternatives = String.join("|", prefixes.stream().filter(p -> !p.isEmpty()).map(Pattern::quote).toList());
        return Pattern.compile("(?<![\\p{L}\\p{N}_])(" + alternatives + "):[\\p{L}\\p{N}_][\\p{L}\\p{N}_-]*");
    }
}
