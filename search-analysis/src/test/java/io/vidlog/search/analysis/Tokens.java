package io.vidlog.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Runs text through a tokenizer and a chain of the plugin's filters, as an index analyzer would. */
final class Tokens {

    private Tokens() {
    }

    static List<String> of(String text, Tokenizer tokenizer, TokenFilterFactory... filters) {
        TokenStream stream = tokenizer;
        for (TokenFilterFactory filter : filters) {
            stream = filter.create(stream);
        }
        tokenizer.setReader(new StringReader(text));
        List<String> tokens = new ArrayList<>();
        try (TokenStream analysed = stream) {
            CharTermAttribute term = analysed.addAttribute(CharTermAttribute.class);
            analysed.reset();
            while (analysed.incrementToken()) {
                tokens.add(term.toString());
            }
            analysed.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** The whole text as one token, as the {@code keyword} tokenizer gives it. */
    static List<String> ofKeyword(String text, TokenFilterFactory... filters) {
        return of(text, new KeywordTokenizer(), filters);
    }
}
