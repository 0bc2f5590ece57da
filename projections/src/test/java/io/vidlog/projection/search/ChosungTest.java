package io.vidlog.projection.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChosungTest {

    @Test
    void everySyllableBecomesItsInitialConsonant() {
        assertThat(Chosung.of("제주도 여행")).isEqualTo("ㅈㅈㄷ ㅇㅎ");
        assertThat(Chosung.of("떡볶이")).isEqualTo("ㄸㅂㅇ");
        assertThat(Chosung.of("가힣")).isEqualTo("ㄱㅎ");
    }

    @Test
    void everythingButHangulSyllablesIsKept() {
        assertThat(Chosung.of("아이폰 15 Pro")).isEqualTo("ㅇㅇㅍ 15 Pro");
        assertThat(Chosung.of("ㅋㅋ")).isEqualTo("ㅋㅋ");
    }

    @Test
    void aQueryOfInitialConsonantsOnlyIsAChosungQuery() {
        assertThat(Chosung.isChosungOnly("ㅈㅈㄷ")).isTrue();
        assertThat(Chosung.isChosungOnly("ㅈㅈㄷ ㅇㅎ")).isTrue();
        assertThat(Chosung.isChosungOnly("제주도")).isFalse();
        assertThat(Chosung.isChosungOnly("ㅈㅈ도")).isFalse();
        assertThat(Chosung.isChosungOnly("jeju")).isFalse();
        assertThat(Chosung.isChosungOnly("  ")).isFalse();
    }
}
