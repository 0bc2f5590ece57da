package io.vidlog.search.analysis;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code vidlog_lowercase}: lower-cases tokens, so "Vlog" and "vlog" match. It does what Elasticsearch's built-in
 * {@code lowercase} filter does; it is here so Vidlog's analysis chains are built from this plugin's components
 * alone. Keyword normalizers cannot use it: Elasticsearch admits only its own filters there, so they use the
 * built-in {@code lowercase}.
 */
@NamedComponent("vidlog_lowercase")
public class LowercaseFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new LowerCaseFilter(tokenStream);
    }

    /** Wildcard, prefix and fuzzy terms of a query string are lower-cased too, or they would miss. */
    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return create(tokenStream);
    }
}
