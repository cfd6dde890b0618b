package fr.aam.sparql.guard;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import org.apache.jena.atlas.lib.cache.CacheSimple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * SPARQL's {@code REGEX} and {@code REPLACE} in linear time. Java's regex engine backtracks: {@code (.*a){10}$}
 * against 40 characters takes minutes and ignores the query timeout. Every query on the store is rewritten (through
 * ARQ's optimizer hook, so /sparql, the API and the pages alike) to call RE2/J instead, whose matching time grows
 * linearly with the text. RE2 has no back-references (XPath's {@code \1}); a pattern using one is a type error, as for
 * any invalid pattern.
 */
public final class LinearRegex {

    static final String REGEX = "urn:x-aam:function:regex";
    static final String REPLACE = "urn:x-aam:function:replace";

    private LinearRegex() {}

    /** Registers the functions and makes every query run on a dataset with this context use them. */
    public static void install(Context datasetContext) {
        FunctionRegistry.get().put(REGEX, Regex.class);
        FunctionRegistry.get().put(REPLACE, Replace.class);
        RewriteFactory standard = Optimize.stdOptimizationFactory;
        RewriteFactory factory = cxt -> {
            var std = standard.create(cxt);
            return op -> std.rewrite(rewrite(op));
        };
        datasetContext.set(ARQConstants.sysOptimizerFactory, factory);
    }

    /** {@code regex(…)} and {@code replace(…)} in an algebra expression become the linear-time functions. */
    public static Op rewrite(Op op) {
        return Transformer.transform(new TransformCopy(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN func, ExprList args) {
                if (func instanceof E_Regex) return new E_Function(REGEX, args);
                if (func instanceof E_StrReplace) return new E_Function(REPLACE, args);
                return super.transform(func, args);
            }
        }, op);
    }

    static Pattern compile(NodeValue pattern, NodeValue flags) {
        String p = NodeValueOps.checkAndGetStringLiteral("REGEX", pattern).getLiteralLexicalForm();
        String f = flags == null ? "" : NodeValueOps.checkAndGetStringLiteral("REGEX", flags).getLiteralLexicalForm();
        int mask = 0;
        for (char c : f.toCharArray()) {
            switch (c) {
                case 'i' -> mask |= Pattern.CASE_INSENSITIVE;
                case 'm' -> mask |= Pattern.MULTILINE;
                case 's' -> mask |= Pattern.DOTALL;
                case 'x' -> p = p.replaceAll("[\\s]", "");   // XPath: whitespace in the pattern is ignored
                case 'q' -> p = Pattern.quote(p);
                default -> throw new ExprEvalException("REGEX: unsupported flag '" + c + "'");
            }
        }
        try {
            return Pattern.compile(p, mask);
        } catch (PatternSyntaxException e) {
            throw new ExprEvalException("REGEX: invalid pattern: " + e.getDescription());
        }
    }

    /** Keeps the last few compiled patterns of an expression (patterns are usually constants). */
    private abstract static class Compiling extends FunctionBase {
        private final CacheSimple<List<NodeValue>, Pattern> cache = new CacheSimple<>(8);

        Pattern pattern(NodeValue pattern, NodeValue flags) {
            List<NodeValue> key = flags == null ? List.of(pattern) : List.of(pattern, flags);
            return cache.get(key, k -> compile(pattern, flags));
        }
    }

    /** {@code regex(text, pattern [, flags])}. */
    public static final class Regex extends Compiling {
        @Override
        public void checkBuild(String uri, ExprList args) {
            if (args.size() < 2 || args.size() > 3) throw new ExprEvalException("REGEX takes 2 or 3 arguments");
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            Node text = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
            Pattern p = pattern(args.get(1), args.size() == 3 ? args.get(2) : null);
            return NodeValue.makeBoolean(p.matcher(text.getLiteralLexicalForm()).find());
        }
    }

    /** {@code replace(text, pattern, replacement [, flags])}: the result keeps the text's language tag. */
    public static final class Replace extends Compiling {
        @Override
        public void checkBuild(String uri, ExprList args) {
            if (args.size() < 3 || args.size() > 4) throw new ExprEvalException("REPLACE takes 3 or 4 arguments");
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            Node text = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(0));
            Pattern p = pattern(args.get(1), args.size() == 4 ? args.get(3) : null);
            if (p.matcher("").matches()) throw new ExprEvalException("REPLACE: the pattern matches the empty string");
            String replacement = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(2)).getLiteralLexicalForm();
            Matcher m = p.matcher(text.getLiteralLexicalForm());
            String result;
            try {
                result = m.replaceAll(replacement);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new ExprEvalException("REPLACE: invalid replacement: " + e.getMessage());
            }
            String lang = text.getLiteralLanguage();
            return lang == null || lang.isEmpty() ? NodeValue.makeString(result) : NodeValue.makeLangString(result, lang);
        }
    }
}
