package io.vidlog.app.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vidlog.app.ApiClient;
import io.vidlog.app.Tokens;
import io.vidlog.app.VidlogIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relevance of Korean and English search, measured on a fixed catalogue ({@code search/catalogue.json}): each
 * query names the video it is meant to find, and must find it among its first five hits. The queries cover particles,
 * compounds, spacing, partial words, typos, initial consonants, English stemming, mixed Korean/English, filters and
 * title-over-description ranking; the run prints, per kind, how many found their video and where.
 */
@VidlogIntegrationTest
class SearchRelevanceIT {

    private static final int TOP = 5;

    @LocalServerPort
    int port;
    @Value("${vidlog.jwt.secret}")
    String secret;

    private record Query(String text, String kind, String expect, String type, List<String> tags) {
    }

    @Test
    void everyCatalogueQueryFindsItsVideoInTheTopFive() throws IOException {
        JsonNode catalogue = catalogue();
        SearchClient search = new SearchClient(new ApiClient(port),
                new Tokens(secret).valid("catalogue-creator", "USER", "CREATOR"));
        Map<String, String> videoIds = new HashMap<>();
        for (JsonNode video : catalogue.path("videos")) {
            List<String> tags = new ArrayList<>();
            video.path("tags").forEach(tag -> tags.add(tag.asText()));
            videoIds.put(video.path("key").asText(), search.createVideo(video.path("title").asText(),
                    video.path("description").asText(), tags, video.path("videoType").asText()));
        }
        String last = videoIds.get(catalogue.path("videos").get(catalogue.path("videos").size() - 1).path("key")
                .asText());
        SearchClient.awaitSearch("the catalogue indexed", Duration.ofSeconds(60),
                () -> search.search(lastTitle(catalogue)), hits -> hits.contains(last));

        List<Query> queries = queries(catalogue);
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        double reciprocalRanks = 0;
        for (Query query : queries) {
            List<String> hits = search.search(query.text(), query.type(), query.tags(), TOP);
            int rank = hits.indexOf(videoIds.get(query.expect())) + 1;
            int[] kind = byKind.computeIfAbsent(query.kind(), key -> new int[2]);
            kind[1]++;
            if (rank > 0) {
                kind[0]++;
                reciprocalRanks += 1.0 / rank;
            } else {
                misses.add(query.kind() + " \"" + query.text() + "\" expected " + query.expect() + ", got "
                        + hits.stream().map(id -> keyOf(videoIds, id)).toList());
            }
        }
        int found = queries.size() - misses.size();
        System.out.printf("search relevance: %d of %d queries find their video in the top %d (precision@%d with "
                        + "one relevant video per query: %.3f), mean reciprocal rank %.3f%n", found, queries.size(),
                TOP, TOP, found / (double) queries.size(), reciprocalRanks / queries.size());
        byKind.forEach((kind, counts) -> System.out.printf("  %-24s %d/%d%n", kind, counts[0], counts[1]));
        misses.forEach(miss -> System.out.println("  MISS " + miss));

        assertThat(catalogue.path("videos").size()).isGreaterThanOrEqualTo(200);
        assertThat(queries).hasSizeGreaterThanOrEqualTo(40);
        assertThat(misses).as("queries whose video is not in the top " + TOP).isEmpty();
    }

    private static JsonNode catalogue() throws IOException {
        try (InputStream in = SearchRelevanceIT.class.getResourceAsStream("/search/catalogue.json")) {
            assertThat(in).as("search/catalogue.json in the test resources").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static String lastTitle(JsonNode catalogue) {
        return catalogue.path("videos").get(catalogue.path("videos").size() - 1).path("title").asText();
    }

    private static List<Query> queries(JsonNode catalogue) {
        List<Query> queries = new ArrayList<>();
        for (JsonNode query : catalogue.path("queries")) {
            List<String> tags = new ArrayList<>();
            query.path("tags").forEach(tag -> tags.add(tag.asText()));
            queries.add(new Query(query.path("q").asText(), query.path("kind").asText(), query.path("expect").asText(),
                    query.path("type").isNull() || query.path("type").isMissingNode() ? null
                            : query.path("type").asText(), tags));
        }
        return queries;
    }

    private static String keyOf(Map<String, String> videoIds, String videoId) {
        return videoIds.entrySet().stream().filter(entry -> entry.getValue().equals(videoId)).map(Map.Entry::getKey)
                .findFirst().orElse("(not in the catalogue) " + videoId);
    }
}
