package io.vidlog.api.search;

/** Titles starting with {@code prefix}, or whose initial consonants do (ㅈㅈ suggests 제주도 …). */
public record FetchSuggestionsQuery(String prefix, int size) {

    public static final int MAX_SIZE = 20;
    public static final int MAX_PREFIX = 60;
}
