package fr.aam.linkeddata;

import fr.aam.sparql.NodeText;
import fr.aam.sparql.SparqlRunner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;

/**
 * The datasets the graph links to (Wikidata, ESCO, INSEE, ROME, ANS), as the load's VoID linksets describe them: which
 * property and which IRI space or code datatype make a link, the target's name, and the page of a code when the
 * target has one.
 */
final class LinkTargets {

    record Target(Node predicate, String codeType, String title, String homepage, String space, String template) {

        boolean matches(Node p, Node o) {
            if (!predicate.equals(p)) return false;
            if (space != null) return o.isURI() && o.getURI().startsWith(space);
            return o.isLiteral() && (codeType == null || codeType.equals(o.getLiteralDatatypeURI()));
        }

        String code(Node o) { return space != null ? o.getURI().substring(space.length()) : o.getLiteralLexicalForm(); }

        String href(Node o) {
            if (template != null) return template.replace("{code}", URLEncoder.encode(code(o), StandardCharsets.UTF_8));
            return o.isURI() ? o.getURI() : homepage;
        }
    }

    private final List<Target> targets;

    private LinkTargets(List<Target> targets) { this.targets = targets; }

    static LinkTargets read(SparqlRunner runner, Query query) {
        List<Target> out = new ArrayList<>();
        runner.run(query, BindingFactory.empty()).rows().forEachRemaining(b -> out.add(new Target(
            b.get(Var.alloc("predicate")), NodeText.of(b.get(Var.alloc("codeType"))), NodeText.of(b.get(Var.alloc("title"))),
            NodeText.of(b.get(Var.alloc("homepage"))), NodeText.of(b.get(Var.alloc("space"))),
            NodeText.of(b.get(Var.alloc("template"))))));
        return new LinkTargets(out);
    }

    Optional<Target> of(Node p, Node o) { return targets.stream().filter(t -> t.matches(p, o)).findFirst(); }
}
