package io.vidlog.search.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The chain Vidlog's text fields use: nori, part-of-speech stop, reading form, lower case, English stem. */
class KoreanAnalysisTest {

    private static List<String> analyse(String text) {
        return analyse(text, "mixed");
    }

    private static List<String> analyse(String text, String decompoundMode) {
        NoriTokenizerFactory tokenizer = new NoriTokenizerFactory(
                IndexSettings.of(NoriTokenizerFactory.Settings.class, Map.of("decompound_mode", decompoundMode)));
        return Tokens.of(text, tokenizer.create(),
                new NoriPartOfSpeechFilterFactory(),
                new NoriReadingFormFilterFactory(),
                new LowercaseFilterFactory(),
                new EnglishStemFilterFactory());
    }

    @Test
    void particlesAndEndingsAreDropped() {
        assertThat(analyse("여행을 떠나요")).contains("여행", "떠나").doesNotContain("여행을", "을", "요");
        assertThat(analyse("제주도 맛집을")).contains("제주", "맛집").doesNotContain("맛집을", "을");
    }

    @Test
    void mixedModeKeepsACompoundAndItsParts() {
        assertThat(analyse("드라이브코스 추천")).contains("드라이브", "코스", "추천");
        assertThat(analyse("맛집")).containsExactly("맛집", "맛", "집");
    }

    @Test
    void theDecompoundModeDecidesWhetherTheCompoundOrItsPartsAreKept() {
        assertThat(analyse("맛집", "none")).containsExactly("맛집");
        assertThat(analyse("맛집", "discard")).containsExactly("맛", "집");
    }

    @Test
    void anUnknownDecompoundModeFailsWithTheAllowedOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NoriTokenizerFactory(
                        IndexSettings.of(NoriTokenizerFactory.Settings.class, Map.of("decompound_mode", "partial"))))
                .withMessageContaining("decompound_mode").withMessageContaining("mixed").withMessageContaining("partial");
    }

    @Test
    void theDefaultDecompoundModeIsMixed() {
        NoriTokenizerFactory tokenizer = new NoriTokenizerFactory(IndexSettings.defaults(NoriTokenizerFactory.Settings.class));
        assertThat(Tokens.of("맛집", tokenizer.create())).containsExactly("맛집", "맛", "집");
    }

    @Test
    void punctuationIsDiscarded() {
        assertThat(analyse("캠핑, 요리!")).containsExactly("캠핑", "요리");
    }

    @Test
    void hanjaIsReadAsHangul() {
        assertThat(analyse("韓國 大韓民國")).containsExactly("한국", "대한", "민국");
    }

    @Test
    void englishWordsAreLowerCasedAndStemmed() {
        assertThat(analyse("Travelling Vlogs")).containsExactly("travel", "vlog");
        assertThat(analyse("travels")).containsExactly("travel");
    }
}
