package io.vidlog.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code vidlog_nori_part_of_speech}: drops the morphemes that carry grammar rather than meaning (particles such as
 * 을/를/이/가, verb endings), using Lucene's default stop tags, so "여행을" and "여행" index and search alike.
 */
@NamedComponent("vidlog_nori_part_of_speech")
public class NoriPartOfSpeechFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new KoreanPartOfSpeechStopFilter(tokenStream);
    }
}
