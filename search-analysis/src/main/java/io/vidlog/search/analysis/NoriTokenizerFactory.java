package io.vidlog.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;

import java.util.Arrays;
import java.util.Locale;

/**
 * {@code vidlog_nori}: splits Korean text into morphemes with Lucene's nori dictionary, so a particle or an ending
 * attached to a word ("여행을") does not keep the word from matching. Punctuation is dropped: it is never searched
 * for.
 */
@NamedComponent("vidlog_nori")
public class NoriTokenizerFactory implements TokenizerFactory {

    /** The tokenizer's settings in an index's analysis definition. */
    @AnalysisSettings
    public interface Settings {

        /**
         * {@code none} keeps compounds whole, {@code discard} keeps only their parts, {@code mixed} keeps both, so
         * that "드라이브코스" is found by itself and by "코스".
         */
        @StringSetting(path = "decompound_mode", defaultValue = "mixed")
        String decompoundMode();
    }

    private final DecompoundMode decompoundMode;

    @Inject
    public NoriTokenizerFactory(Settings settings) {
        this.decompoundMode = decompoundMode(settings.decompoundMode());
    }

    /**
     * Checked when the index is created, so a misspelt mode fails there rather than at the first document.
     * Elasticsearch reports the innermost cause, so this message carries no cause of its own.
     */
    private static DecompoundMode decompoundMode(String value) {
        return Arrays.stream(DecompoundMode.values())
                .filter(mode -> mode.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("vidlog_nori: decompound_mode must be one of "
                        + Arrays.toString(DecompoundMode.values()).toLowerCase(Locale.ROOT) + ", not [" + value + "]"));
    }

    @Override
    public Tokenizer create() {
        // No user dictionary; unknown words stay whole rather than split into single characters; punctuation dropped.
        return new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, null, decompoundMode, false, true);
    }
}
