package io.vidlog.search.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnglishStemFilterFactoryTest {

    @Test
    void hangulTokensPassUnchanged() {
        for (String word : new String[] {"여행", "트레이닝", "브이로그", "캠핑요리"}) {
            assertThat(Tokens.ofKeyword(word, new EnglishStemFilterFactory())).containsExactly(word);
        }
    }

    @Test
    void possessivesAreRemovedBeforeStemming() {
        assertThat(Tokens.ofKeyword("traveller's", new EnglishStemFilterFactory())).containsExactly("travel");
    }
}
