package fr.aam.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDFS;
import org.springframework.web.util.HtmlUtils;

/** The HTML view of a resource: its label, then what it says (outgoing links) and what points to it. */
final class ResourcePage {

    private ResourcePage() {}

    static final PrefixMapping PREFIXES = PrefixMapping.Factory.create().setNsPrefixes(PrefixMapping.Standard)
        .setNsPrefix("aam", "https://w3id.org/attractivite-autonomie/def#")
        .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
        .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
        .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
        .setNsPrefix("org", "http://www.w3.org/ns/org#")
        .setNsPrefix("igeo", "http://rdf.insee.fr/def/geo#");

    static String render(String iri, Graph g, String base) {
        Node subject = NodeFactory.createURI(iri);
        String title = label(g, subject, iri);
        StringBuilder sb = new StringBuilder();
        sb.append("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
          .append("</title><link rel=\"stylesheet\" href=\"/style.css\"><link rel=\"alternate\" type=\"text/turtle\" href=\"")
          .append(esc(local(iri, base))).append("\"></head><body><header><a href=\"/\">Attractivité des métiers de l'autonomie</a></header><main>")
          .append("<h1>").append(esc(title)).append("</h1><p class=\"iri\"><code>").append(esc(iri)).append("</code></p>")
          .append("<p>Formats : <a href=\"/sparql?query=").append(java.net.URLEncoder.encode("DESCRIBE <" + iri + ">", java.nio.charset.StandardCharsets.UTF_8))
          .append("\">DESCRIBE</a> · Turtle, JSON-LD, N-Triples par négociation de contenu (en-tête Accept).</p>")
          .append("<h2>Propriétés</h2><table><tbody>");
        List<Triple> out = new ArrayList<>(g.find(subject, Node.ANY, Node.ANY).toList());
        out.sort(Comparator.comparing((Triple t) -> t.getPredicate().getURI()).thenComparing(t -> t.getObject().toString()));
        for (Triple t : out) {
            if (t.getObject().isURI() && t.getPredicate().equals(RDFS.label.asNode())) continue;
            sb.append("<tr><th>").append(esc(PREFIXES.shortForm(t.getPredicate().getURI()))).append("</th><td>")
              .append(value(g, t.getObject(), base)).append("</td></tr>");
        }
        sb.append("</tbody></table>");
        List<Triple> in = new ArrayList<>(g.find(Node.ANY, Node.ANY, subject).toList());
        if (!in.isEmpty()) {
            in.sort(Comparator.comparing((Triple t) -> t.getPredicate().getURI()).thenComparing(t -> t.getSubject().toString()));
            sb.append("<h2>Liens entrants</h2><table><tbody>");
            for (Triple t : in) {
                sb.append("<tr><td>").append(value(g, t.getSubject(), base)).append("</td><th>")
                  .append(esc(PREFIXES.shortForm(t.getPredicate().getURI()))).append("</th></tr>");
            }
            sb.append("</tbody></table>");
        }
        return sb.append("</main></body></html>").toString();
    }

    private static String value(Graph g, Node n, String base) {
        if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            return esc(n.getLiteralLexicalForm()) + (lang.isEmpty() ? "" : " <small>@" + esc(lang) + "</small>");
        }
        if (n.isURI()) {
            String text = label(g, n, PREFIXES.shortForm(n.getURI()));
            return "<a href=\"" + esc(local(n.getURI(), base)) + "\">" + esc(text) + "</a>";
        }
        return esc(n.toString());
    }

    private static String label(Graph g, Node n, String fallback) {
        var it = g.find(n, RDFS.label.asNode(), Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : fallback;
    }

    /** Links to our own resources stay on this server, so the pages can be browsed before the IRIs are deployed. */
    private static String local(String iri, String base) {
        return iri.startsWith(base) ? "/" + iri.substring(base.length()) : iri;
    }

    private static String esc(String s) { return HtmlUtils.htmlEscape(s, "UTF-8"); }
}
