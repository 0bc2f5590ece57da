package io.vidlog.search.analysis;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NGramFactoriesTest {

    @Test
    void edgeNGramsAreThePrefixesWithoutTheOriginalBeyondMaxGram() {
        EdgeNGramFilterFactory defaults = new EdgeNGramFilterFactory(IndexSettings.defaults(EdgeNGramFilterFactory.Settings.class));
        assertThat(Tokens.ofKeyword("캠핑", defaults)).containsExactly("캠", "캠핑");

        EdgeNGramFilterFactory upToTwo = new EdgeNGramFilterFactory(
                IndexSettings.of(EdgeNGramFilterFactory.Settings.class, Map.of("max_gram", 2)));
        assertThat(Tokens.ofKeyword("여행브이로그", upToTwo)).containsExactly("여", "여행");
    }

    @Test
    void nGramsAreBigramsByDefault() {
        NGramTokenizerFactory defaults = new NGramTokenizerFactory(
                IndexSettings.defaults(NGramTokenizerFactory.Settings.class));
        assertThat(Tokens.of("여행브이로그", defaults.create())).containsExactly("여행", "행브", "브이", "이로", "로그");
    }

    @Test
    void nGramSizesAreConfigurable() {
        NGramTokenizerFactory oneToThree = new NGramTokenizerFactory(
                IndexSettings.of(NGramTokenizerFactory.Settings.class, Map.of("min_gram", 1, "max_gram", 3)));
        assertThat(Tokens.of("캠핑", oneToThree.create())).containsExactly("캠", "캠핑", "핑");
    }

    @Test
    void aMaxGramBelowTheMinGramFailsWithTheFilterName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NGramTokenizerFactory(
                        IndexSettings.of(NGramTokenizerFactory.Settings.class, Map.of("min_gram", 3, "max_gram", 2))))
                .withMessageContaining("vidlog_ngram");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EdgeNGramFilterFactory(
                        IndexSettings.of(EdgeNGramFilterFactory.Settings.class, Map.of("min_gram", 0))))
                .withMessageContaining("vidlog_edge_ngram");
    }
}
