package fr.aam.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Test;

/**
 * Every provenance quote is verbatim: it occurs in the text of its source document (data/sources/), after
 * normalising only whitespace, apostrophes and accents. The 000_ rendering of the Vienne benchmark splits accents
 * from their letters ("me tiers"), so accents are dropped and whitespace removed on both sides; nothing else is
 * forgiven — a wrong word, a missing one or a case change fails. The texts' own markup (HTML tags and ** of the
 * CSPAMS rendering) is not printed text and is dropped from them. A quote read through an OCR error keeps the
 * printed form in aam:quote, checked here, and the reading beside it in aam:correctedQuote.
 */
class QuotesAreVerbatimTest {

    static final Path SOURCES = ProjectGraph.home().resolve("data/sources");
    static final Path QUERIES = ProjectGraph.home().resolve("server/src/test/resources/provenance");

    private final Map<String, String> texts = new HashMap<>();

    @Test
    void everyQuoteOccursInTheTextOfItsDocument() {
        Map<String, Set<String>> filesOfQuote = new LinkedHashMap<>();
        rows("quotes-with-their-texts.rq").forEach(r ->
            filesOfQuote.computeIfAbsent(r.get(0) + "\n" + r.get(1), k -> new TreeSet<>()).add(r.get(2)));
        assertTrue(filesOfQuote.size() > 500, "the graph's quotes are found with their texts: " + filesOfQuote.size());
        List<String> missing = new ArrayList<>();
        filesOfQuote.forEach((key, files) -> {
            String quote = key.substring(key.indexOf('\n') + 1);
            if (files.stream().noneMatch(f -> text(f).contains(normalise(quote)))) {
                missing.add(key.replace("\n", " — « ") + " » not in " + files);
            }
        });
        assertTrue(missing.isEmpty(), missing.size() + " quotes are not verbatim:\n  " + String.join("\n  ", missing));
    }

    @Test
    void everyQuotedResourceFindsItsText() {
        List<List<String>> orphans = rows("quotes-without-a-text.rq");
        assertTrue(orphans.isEmpty(), "quotes whose resource leads to no source text: " + orphans);
    }

    /**
     * A correction sits beside its printed quote and differs from it. The difference may be one the lookup forgives
     * (a missing space, a wrong accent: « Lasemaine », « Charriéres »): it is compared as written.
     */
    @Test
    void everyOcrCorrectionSitsBesideItsPrintedForm() {
        List<List<String>> rows = rows("corrected-quotes.rq");
        assertFalse(rows.isEmpty(), "the Vienne matrix legends hold OCR corrections");
        List<String> bad = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.get(1) == null) bad.add(r.get(0) + ": a correction without its printed quote");
            else if (r.get(1).strip().equals(r.get(2).strip())) bad.add(r.get(0) + ": the correction equals the printed text");
        }
        assertTrue(bad.isEmpty(), String.join("\n  ", bad));
    }

    /** Only whitespace, apostrophes and accents: NFD without combining marks, one apostrophe, no whitespace. */
    static String normalise(String s) {
        String noAccents = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return noAccents.replaceAll("[’‘ʼ´`]", "'").replaceAll("[\\s\\p{Z}]+", "");
    }

    /** The extraction's markup is not printed text: HTML tags of the CSPAMS sheet cells, ** around bold words. */
    static String withoutMarkup(String text) {
        return text.replaceAll("<[^>]*>", " ").replace("**", "");
    }

    private String text(String file) {
        return texts.computeIfAbsent(file, f -> {
            try {
                return normalise(withoutMarkup(Files.readString(SOURCES.resolve(f), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("source text " + f + " missing from data/sources/", e);
            }
        });
    }

    static List<List<String>> rows(String queryFile) {
        String q;
        try {
            q = Files.readString(QUERIES.resolve(queryFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> out = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(ProjectGraph.union()).query(QueryFactory.create(q)).build()) {
            var rs = exec.select();
            var vars = rs.getResultVars();
            rs.forEachRemaining(b -> {
                List<String> row = new ArrayList<>();
                for (var v : vars) {
                    var n = b.get(v);
                    row.add(n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
                }
                out.add(row);
            });
        }
        return out;
    }
}
