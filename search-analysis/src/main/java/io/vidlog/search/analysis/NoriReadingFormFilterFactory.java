package io.vidlog.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code vidlog_nori_readingform}: replaces Hanja with its Hangul reading (韓國 → 한국), so a title written in
 * Chinese characters is found by the word people type.
 */
@NamedComponent("vidlog_nori_readingform")
public class NoriReadingFormFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new KoreanReadingFormFilter(tokenStream);
    }
}
