package io.vidlog.search.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * {@code vidlog_ngram}: cuts the text into n-grams, bigrams by default (여행브이로그 → 여행, 행브, 브이, …), so any
 * part of a word the dictionary does not know (new coinages, names) can still be matched, whatever the spacing.
 * A tokenizer rather than a filter: each gram gets its own position, so a query can require a share of them
 * ({@code minimum_should_match}); a filter's grams share their word's position and a query would take any one of
 * them as a match. The built-in {@code ngram} tokenizer lives in the absent {@code analysis-common} module.
 */
@NamedComponent("vidlog_ngram")
public class NGramTokenizerFactory implements TokenizerFactory {

    /** The tokenizer's settings in an index's analysis definition. */
    @AnalysisSettings
    public interface Settings {

        @IntSetting(path = "min_gram", defaultValue = 2)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = 2)
        int maxGram();
    }

    private final GramSizes sizes;

    @Inject
    public NGramTokenizerFactory(Settings settings) {
        this.sizes = new GramSizes("vidlog_ngram", settings.minGram(), settings.maxGram());
    }

    @Override
    public Tokenizer create() {
        return new NGramTokenizer(sizes.min(), sizes.max());
    }
}
