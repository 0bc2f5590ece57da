package io.vidlog.projection.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchDocumentTest {

    @Test
    void spacingVariantsShareOneCompactForm() {
        assertThat(SearchDocument.compact("여행 브이로그")).isEqualTo(SearchDocument.compact("여행브이로그"));
        assertThat(SearchDocument.compact(" Seoul  VLOG ")).isEqualTo("seoulvlog");
    }

    @Test
    void autocompleteStartsAtEveryWordAndAtItsInitialConsonants() {
        SearchDocument document = SearchDocument.of("v1", "제주도 봄 여행", "", List.of("travel"), "HORIZONTAL", "u1",
                "2026-12-01T00:00:00Z", 12.4);
        assertThat(document.suggest().input()).containsExactly("제주도 봄 여행", "ㅈㅈㄷ ㅂ ㅇㅎ", "봄 여행", "ㅂ ㅇㅎ", "여행",
                "ㅇㅎ");
        assertThat(document.suggest().weight()).isEqualTo(12);
        assertThat(document.chosung()).isEqualTo("ㅈㅈㄷ ㅂ ㅇㅎ ㅈㅈㄷㅂㅇㅎ");
    }

    @Test
    void englishTitlesHaveNoSeparateInitialConsonantInputs() {
        SearchDocument document = SearchDocument.of("v2", "Camping recipes", "", List.of(), "VERTICAL", "u1", null, 0);
        assertThat(document.suggest().input()).containsExactly("camping recipes", "recipes");
    }

    @Test
    void aDislikedVideoIsNotLessThanUnknown() {
        SearchDocument document = SearchDocument.of("v3", "t", "", List.of(), "VERTICAL", "u1", null, -6);
        assertThat(document.popularity()).isZero();
        assertThat(document.suggest().weight()).isZero();
    }
}
