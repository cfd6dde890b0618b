package fr.aam.queries;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;

/**
 * Binds a variable to values by a {@code VALUES} block put first in the WHERE clause of a parsed query (one row per
 * value), so the whole group sees it — FILTERs, OPTIONALs and EXISTS included. Values never become query text.
 */
final class ValuesBlock {

    private ValuesBlock() {}

    static void prepend(Query query, Var var, List<Node> nodes) {
        ElementData data = new ElementData();
        data.add(var);
        for (Node n : nodes) data.add(BindingBuilder.create().add(var, n).build());
        Element pattern = query.getQueryPattern();
        ElementGroup group;
        if (pattern instanceof ElementGroup g) group = g;
        else { group = new ElementGroup(); group.addElement(pattern); query.setQueryPattern(group); }
        group.getElements().add(0, data);
    }
}
