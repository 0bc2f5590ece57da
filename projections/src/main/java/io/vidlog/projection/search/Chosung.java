package io.vidlog.projection.search;

/**
 * Korean initial consonants (chosung): what a viewer types as a shorthand, ㅈㅈㄷ for 제주도. Computed from the Hangul
 * syllable block's arithmetic (each syllable is 0xAC00 + (initial × 21 + medial) × 28 + final).
 */
public final class Chosung {

    private static final char FIRST_SYLLABLE = 0xAC00;
    private static final char LAST_SYLLABLE = 0xD7A3;
    private static final int SYLLABLES_PER_INITIAL = 21 * 28;
    /** The 19 initial consonants as compatibility jamo, the characters a keyboard types on their own. */
    private static final char[] INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ".toCharArray();
    private static final char FIRST_CONSONANT = 'ㄱ';
    private static final char LAST_CONSONANT = 'ㅎ';

    /** {@code text} with every Hangul syllable replaced by its initial consonant; everything else is kept. */
    public static String of(String text) {
        StringBuilder chosung = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            chosung.append(isSyllable(c) ? INITIALS[(c - FIRST_SYLLABLE) / SYLLABLES_PER_INITIAL] : c);
        }
        return chosung.toString();
    }

    /** Whether {@code query} is typed in initial consonants only (spaces aside), as in ㅇㅎ for 여행. */
    static boolean isChosungOnly(String query) {
        boolean any = false;
        for (char c : query.toCharArray()) {
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (c < FIRST_CONSONANT || c > LAST_CONSONANT) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static boolean isSyllable(char c) {
        return c >= FIRST_SYLLABLE && c <= LAST_SYLLABLE;
    }

    private Chosung() {
    }
}
