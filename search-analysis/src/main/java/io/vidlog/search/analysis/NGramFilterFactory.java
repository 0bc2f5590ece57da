package io.vidlog.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;

/**
 * {@code vidlog_ngram}: cuts tokens into n-grams, bigrams by default (여행브이로그 → 여행, 행브, 브이, …), so any
 * part of a word the dictionary does not know (new coinages, names) can still be matched. The built-in
 * {@code ngram} filter lives in the absent {@code analysis-common} module.
 */
@NamedComponent("vidlog_ngram")
public class NGramFilterFactory implements TokenFilterFactory {

    /** The filter's settings in an index's analysis definition. */
    @AnalysisSettings
    public interface Settings {

        @IntSetting(path = "min_gram", defaultValue = 2)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = 2)
        int maxGram();
    }

    private final GramSizes sizes;

    @Inject
    public NGramFilterFactory(Settings settings) {
        this.sizes = new GramSizes("vidlog_ngram", settings.minGram(), settings.maxGram());
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new NGramTokenFilter(tokenStream, sizes.min(), sizes.max(), false);
    }
}
