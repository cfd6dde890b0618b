package fr.aam.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * French text as people type it: elision (l', d', qu'…) → lower case → ASCII folding (à → a, é → e, œ → oe) → light
 * French stemming (plural and feminine endings), so that "aide a domicile" finds "aide à domicile",
 * "aides-soignantes" finds "aide-soignant", "ehpad" finds "EHPAD" and "formations" finds "formation". Lucene's own
 * FrenchAnalyzer does not fold accents and removes stop words such as "à", which the labels need. The same analyzer
 * indexes and queries; prefix terms (autocompletion) are normalised without stemming.
 */
public final class FrenchFoldingAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
        s = new LowerCaseFilter(s);
        s = new ASCIIFoldingFilter(s);
        s = new FrenchLightStemFilter(s);
        return new TokenStreamComponents(source, s);
    }

    /** Wildcard and prefix terms ("domic*") are not tokenised: they only get the lower case and the folding. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
