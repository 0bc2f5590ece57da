package io.vidlog.projection.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A searchable video as Elasticsearch holds it ({@code search/videos-v1.json} maps each field). Besides the text,
 * it carries the forms queries need that no analyzer of the index can derive: the title without spaces (spacing
 * variants), its initial consonants, and the autocomplete inputs.
 *
 * @param publishedAt ISO-8601, the video's first publication
 * @param popularity  weighted engagement, never below zero (the feed takes its logarithm)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchDocument(String videoId, String title, String titleCompact, String description, List<String> tags,
                             String videoType, String ownerId, String publishedAt, double popularity,
                             String chosung, Suggest suggest) {

    /** The fields a result lists: the rest of a document only serves the matching. */
    static final List<String> LISTED_FIELDS = List.of("videoId", "title", "tags", "videoType");

    /** Words of a title from which autocomplete also starts, so "여행" suggests "제주도 봄 여행". */
    private static final int SUGGESTED_WORD_STARTS = 8;

    /**
     * The completion suggester's inputs, lower-cased here (the index has no tokenizer that keeps a whole input and
     * lower-cases it), and the weight that orders suggestions with the same prefix.
     */
    public record Suggest(List<String> input, long weight) {
    }

    static SearchDocument of(String videoId, String title, String description, List<String> tags, String videoType,
                             String ownerId, String publishedAt, double popularity) {
        double popular = Math.max(0, popularity);
        return new SearchDocument(videoId, title, compact(title), description, tags, videoType, ownerId, publishedAt,
                popular, Chosung.of(title) + " " + compact(Chosung.of(title)),
                new Suggest(suggestions(title), Math.round(Math.min(popular, Integer.MAX_VALUE))));
    }

    /** {@code text} lower-cased without whitespace: "여행 브이로그" and "여행브이로그" become the same. */
    static String compact(String text) {
        return text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> suggestions(String title) {
        String[] words = title.trim().split("\\s+");
        List<String> inputs = new ArrayList<>();
        for (int start = 0; start < Math.min(words.length, SUGGESTED_WORD_STARTS); start++) {
            String fromHere = String.join(" ", List.of(words).subList(start, words.length)).toLowerCase(Locale.ROOT);
            inputs.add(fromHere);
            String chosung = Chosung.of(fromHere);
            if (!chosung.equals(fromHere)) {
                inputs.add(chosung);
            }
        }
        return inputs;
    }
}
