package io.vidlog.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;

/**
 * {@code vidlog_edge_ngram}: indexes every prefix of a token (캠핑 → 캠, 캠핑) for search-as-you-type. The built-in
 * {@code edge_ngram} filter lives in the absent {@code analysis-common} module. Index-time only: a query should be
 * analysed without it (a plain {@code search_analyzer}), or a partial word is cut up again and misses.
 */
@NamedComponent("vidlog_edge_ngram")
public class EdgeNGramFilterFactory implements TokenFilterFactory {

    /** The filter's settings in an index's analysis definition. */
    @AnalysisSettings
    public interface Settings {

        @IntSetting(path = "min_gram", defaultValue = 1)
        int minGram();

        /** Longer prefixes than this are rarely typed and only grow the index. */
        @IntSetting(path = "max_gram", defaultValue = 20)
        int maxGram();
    }

    private final GramSizes sizes;

    @Inject
    public EdgeNGramFilterFactory(Settings settings) {
        this.sizes = new GramSizes("vidlog_edge_ngram", settings.minGram(), settings.maxGram());
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new EdgeNGramTokenFilter(tokenStream, sizes.min(), sizes.max(), false);
    }
}
