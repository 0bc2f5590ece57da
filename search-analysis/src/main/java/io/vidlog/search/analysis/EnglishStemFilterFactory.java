package io.vidlog.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code vidlog_english_stem}: reduces English words to their stem ("travelling", "travels" → "travel") so mixed
 * Korean/English titles match any form of an English word. A trailing possessive goes first ("vlog's" → "vlog")
 * when the tokenizer keeps it on the word; {@code vidlog_nori} already splits at the apostrophe. The Porter
 * stemmer only rewrites English suffixes, so Hangul tokens pass unchanged. It expects lower-case input: put it after
 * {@code vidlog_lowercase}.
 */
@NamedComponent("vidlog_english_stem")
public class EnglishStemFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new PorterStemFilter(new EnglishPossessiveFilter(tokenStream));
    }
}
