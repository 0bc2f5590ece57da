package io.vidlog.app.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import io.vidlog.app.ApiClient;
import io.vidlog.app.Tokens;
import io.vidlog.app.VidlogIntegrationTest;
import io.vidlog.localstack.LocalStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search, autocomplete and feed on the real stack: the index follows edits, deletes, publishes and engagement within
 * two seconds, a replay of {@code search} rebuilds the same documents behind the alias, and feeds follow each viewer's
 * tastes without what they disliked or deleted videos.
 */
@VidlogIntegrationTest
class SearchIT {

    /** The freshness the issue asks for: a change is searchable this soon after the command was accepted. */
    private static final Duration FRESH = Duration.ofSeconds(2);
    private static final Duration CAUGHT_UP = Duration.ofSeconds(90);

    @LocalServerPort
    int port;
    @Value("${vidlog.jwt.secret}")
    String secret;
    @Value("${vidlog.search.index}")
    String alias;
    @Autowired
    ElasticsearchClient elasticsearch;

    private ApiClient api;
    private Tokens tokens;
    private SearchClient search;
    private String creatorToken;
    private final Random random = new Random();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        tokens = new Tokens(secret);
        creatorToken = tokens.valid("search-creator", "USER", "CREATOR");
        search = new SearchClient(api, creatorToken);
    }

    @AfterEach
    void deleteTheVideos() {
        search.deleteCreated();
    }

    @Test
    void editsDeletesAndPublishesReachSearchWithinTwoSeconds() {
        String word = word();
        String draft = api.send("POST", "/api/v1/videos", creatorToken, """
                {"title":"%s draft","description":"not published","tags":["draft"],"videoType":"HORIZONTAL"}"""
                .formatted(word)).json().path("videoId").asText();
        String video = search.createVideo(word + " 제주도 여행", "봄 바다", List.of("travel"), "HORIZONTAL");

        Duration published = SearchClient.awaitSearch("the published video found", FRESH,
                () -> search.search(word), hits -> hits.contains(video));
        assertThat(search.search(word)).as("a video that was never published").doesNotContain(draft);

        String renamed = word();
        assertThat(api.send("PATCH", "/api/v1/videos/" + video, creatorToken,
                "{\"title\":\"" + renamed + " 부산 맛집\"}").status()).isEqualTo(200);
        Duration edited = SearchClient.awaitSearch("the new title found and the old one gone", FRESH,
                () -> List.of(search.search(renamed), search.search(word)),
                hits -> hits.get(0).contains(video) && !hits.get(1).contains(video));

        assertThat(api.send("DELETE", "/api/v1/videos/" + video, creatorToken, null).status()).isEqualTo(204);
        Duration deleted = SearchClient.awaitSearch("the deleted video gone from search and autocomplete", FRESH,
                () -> List.of(search.search(renamed), search.autocomplete(renamed)),
                hits -> !hits.get(0).contains(video) && !hits.get(1).contains(video));
        System.out.printf("search freshness: published %d ms, edited %d ms, deleted %d ms%n",
                published.toMillis(), edited.toMillis(), deleted.toMillis());
    }

    @Test
    void engagementReachesTheDocumentsPopularityWithinTwoSeconds() {
        String video = search.createVideo(word() + " popularity", "", List.of("popular"), "VERTICAL");
        SearchClient.awaitSearch("the video indexed", FRESH, () -> popularity(video), value -> value != null);
        for (int viewer = 0; viewer < 3; viewer++) {
            assertThat(api.send("PUT", "/api/v1/videos/" + video + "/reaction",
                    tokens.valid("search-fan-" + viewer, "USER"), "{\"type\":\"LIKE\"}").status()).isEqualTo(200);
        }
        // Three likes at the default weight of 2 each.
        SearchClient.awaitSearch("three likes in the popularity", FRESH, () -> popularity(video),
                value -> value != null && value == 6.0);
    }

    @Test
    void autocompleteSuggestsByPrefixAndByInitialConsonants() {
        String word = word();
        String video = search.createVideo(word + " 제주도 돌하르방", "", List.of("travel"), "HORIZONTAL");
        SearchClient.awaitSearch("suggested by its first letters", FRESH,
                () -> search.autocomplete(word.substring(0, 6)), hits -> hits.contains(video));
        assertThat(search.autocomplete("제주도 돌하")).as("prefix of a later word").contains(video);
        ApiClient.Response chosung = api.send("GET", "/api/v1/search/autocomplete?prefix=ㅈㅈㄷ ㄷㅎ&size=5".replace(" ",
                "%20"), null, null);
        assertThat(SearchClient.ids(chosung.json().path("suggestions"))).as(chosung.body()).contains(video);
        assertThat(chosung.json().path("suggestions")).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void replayingTheSearchGroupRebuildsTheSameDocumentsBehindTheAlias() throws IOException {
        String video = search.createVideo(word() + " replay 떡볶이 맛집", "분식", List.of("food"), "HORIZONTAL");
        SearchClient.awaitSearch("indexed", FRESH, () -> popularity(video), value -> value != null);
        assertThat(api.send("PUT", "/api/v1/videos/" + video + "/bookmark", tokens.valid("search-replay", "USER"),
                null).status()).isEqualTo(204);
        awaitCaughtUp();
        assertThat(drift().path("differenceCount").asInt()).as("drift before").isZero();
        String before = servedIndex();
        Map<String, Object> documents = documents();
        assertThat(documents).containsKey(video);

        // A document lost behind the projection's back: the drift check names it, the replay brings it back.
        elasticsearch.delete(delete -> delete.index(alias).id(video).refresh(Refresh.True));
        JsonNode lost = drift();
        assertThat(lost.path("differences").findValuesAsText("fact")).as(lost.toString())
                .contains(video + " searchable", video + " title");
        assertThat(lost.path("differences").findValuesAsText("fact")).allMatch(fact -> fact.startsWith(video));

        ApiClient.Response replay = api.send("POST", "/api/v1/admin/projections/search/replay", adminToken(), null);
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        awaitCaughtUp();
        SearchClient.awaitSearch("the rebuilt index served", CAUGHT_UP, this::servedIndex,
                index -> !index.equals(before));

        assertThat(documents()).isEqualTo(documents);
        assertThat(drift().path("differenceCount").asInt()).as("drift after the replay").isZero();
        assertThat(elasticsearch.indices().exists(exists -> exists.index(before)).value())
                .as("the replaced index is dropped").isFalse();
    }

    @Test
    void feedsFollowEachViewersTastesAndLeaveOutDislikedAndDeletedVideos() {
        String cats = "cats" + word();
        String cars = "cars" + word();
        List<String> catVideos = List.of(
                search.createVideo("고양이 일상 " + word(), "", List.of(cats), "VERTICAL"),
                search.createVideo("Kitten care " + word(), "", List.of(cats), "HORIZONTAL"),
                search.createVideo("고양이 장난감 리뷰 " + word(), "", List.of(cats), "HORIZONTAL"));
        List<String> carVideos = List.of(
                search.createVideo("드라이브 코스 " + word(), "", List.of(cars), "HORIZONTAL"),
                search.createVideo("Electric car review " + word(), "", List.of(cars), "HORIZONTAL"),
                search.createVideo("세차 루틴 " + word(), "", List.of(cars), "VERTICAL"));
        String catLover = tokens.valid("cat-lover-" + word(), "USER");
        String carLover = tokens.valid("car-lover-" + word(), "USER");
        react(catLover, catVideos.get(0), "LIKE");
        react(catLover, carVideos.get(1), "DISLIKE");
        react(carLover, carVideos.get(0), "SUPERLIKE");
        assertThat(api.send("DELETE", "/api/v1/videos/" + catVideos.get(2), creatorToken, null).status())
                .isEqualTo(204);
        awaitCaughtUp();
        SearchClient.awaitSearch("the new videos and the deletion searchable", FRESH, this::wholeFeed,
                feed -> feed.containsAll(carVideos) && feed.containsAll(catVideos.subList(0, 2))
                        && !feed.contains(catVideos.get(2)));

        List<String> catFeed = SearchClient.ids(search.feed(catLover, 0, 20).path("items"));
        List<String> carFeed = SearchClient.ids(search.feed(carLover, 0, 20).path("items"));
        assertThat(catFeed.subList(0, 2)).as("led by the cat lover's tag")
                .containsExactlyInAnyOrder(catVideos.get(0), catVideos.get(1));
        assertThat(catFeed).as("neither disliked nor deleted").doesNotContain(carVideos.get(1), catVideos.get(2));
        assertThat(carFeed.subList(0, 3)).as("led by the car lover's tag")
                .containsExactlyInAnyOrderElementsOf(carVideos);
        assertThat(carFeed).doesNotContain(catVideos.get(2));
        assertThat(catFeed).isNotEqualTo(carFeed);

        JsonNode coldStart = search.feed(tokens.valid("newcomer-" + word(), "USER"), 0, 100);
        JsonNode anonymous = search.feed(null, 0, 100);
        assertThat(SearchClient.ids(coldStart.path("items"))).as("a new viewer gets what anyone gets")
                .isEqualTo(SearchClient.ids(anonymous.path("items")));
        assertScoresDescend(anonymous.path("items"));
        List<String> everyone = wholeFeed();
        assertThat(everyone.indexOf(carVideos.get(0))).as("a superliked video above its unliked peers")
                .isNotNegative().isLessThan(everyone.indexOf(carVideos.get(2)));
        assertThat(everyone).doesNotContain(catVideos.get(2));

        List<String> pageOne = SearchClient.ids(search.feed(null, 0, 2).path("items"));
        List<String> pageTwo = SearchClient.ids(search.feed(null, 1, 2).path("items"));
        assertThat(everyone.subList(0, 4)).as("pages follow one another")
                .isEqualTo(java.util.stream.Stream.concat(pageOne.stream(), pageTwo.stream()).toList());
    }

    /** The anonymous feed, every page of it. */
    private List<String> wholeFeed() {
        List<String> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            List<String> items = SearchClient.ids(search.feed(null, page, 100).path("items"));
            all.addAll(items);
            if (items.size() < 100) {
                return all;
            }
        }
    }

    @Test
    void whileElasticsearchIsAwayDiscoveryAnswers503AndNoChangeIsLost() throws Exception {
        String word = word();
        String video;
        try (LocalStack.Outage elasticsearchDown = LocalStack.outage("elasticsearch")) {
            api.send("GET", "/api/v1/search?q=" + word, null, null).assertProblem(503);
            api.send("GET", "/api/v1/feed", null, null).assertProblem(503);
            video = search.createVideo(word + " 정전 outage", "", List.of("outage"), "HORIZONTAL");
            awaitCaughtUp();
            api.send("POST", "/api/v1/admin/projections/search/replay", adminToken(), null).assertProblem(503);
        }
        SearchClient.awaitSearch("the video written once Elasticsearch is back", CAUGHT_UP,
                () -> search.search(word), hits -> hits.contains(video));
        JsonNode group = api.send("GET", "/api/v1/admin/projections/search", adminToken(), null).json();
        assertThat(group.path("state").asText()).as(group.toString()).isEqualTo("running");
        assertThat(drift().path("differenceCount").asInt()).isZero();
    }

    @Test
    void badDiscoveryRequestsGetAClearProblem() {
        api.send("GET", "/api/v1/search", null, null).assertProblem(400);
        api.send("GET", "/api/v1/search?q=%20", null, null).assertProblem(400);
        api.send("GET", "/api/v1/search?q=" + "a".repeat(201), null, null).assertProblem(400);
        api.send("GET", "/api/v1/search?q=travel&type=SQUARE", null, null).assertProblem(400);
        api.send("GET", "/api/v1/search?q=travel&size=0", null, null).assertProblem(400);
        api.send("GET", "/api/v1/search?q=travel&page=500&size=100", null, null).assertProblem(400);
        api.send("GET", "/api/v1/search/autocomplete", null, null).assertProblem(400);
        api.send("GET", "/api/v1/search/autocomplete?prefix=a&size=21", null, null).assertProblem(400);
        api.send("GET", "/api/v1/feed?size=101", null, null).assertProblem(400);
        api.send("GET", "/api/v1/feed", "not-a-token", null).assertProblem(401);
        assertThat(api.send("GET", "/api/v1/search?q=%22%5C%2A%3F%28%29%5B%5D", null, null).status())
                .as("query syntax characters are only text").isEqualTo(200);
    }

    private JsonNode drift() {
        ApiClient.Response drift = api.send("GET", "/api/v1/admin/projections/search/drift", adminToken(), null);
        assertThat(drift.status()).as(drift.body()).isEqualTo(200);
        return drift.json();
    }

    private void react(String token, String video, String type) {
        assertThat(api.send("PUT", "/api/v1/videos/" + video + "/reaction", token, "{\"type\":\"" + type + "\"}")
                .status()).isEqualTo(200);
    }

    private static void assertScoresDescend(JsonNode items) {
        double previous = Double.MAX_VALUE;
        for (JsonNode item : items) {
            assertThat(item.path("score").asDouble()).isLessThanOrEqualTo(previous);
            previous = item.path("score").asDouble();
        }
    }

    private Double popularity(String video) {
        try {
            var document = elasticsearch.get(get -> get.index(alias).id(video), Map.class);
            return document.found() ? ((Number) document.source().get("popularity")).doubleValue() : null;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The index the read alias points to. */
    private String servedIndex() {
        try {
            return elasticsearch.indices().getAlias(get -> get.name(alias)).result().keySet().iterator().next();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every document queries can see, by id. */
    private Map<String, Object> documents() throws IOException {
        elasticsearch.indices().refresh(refresh -> refresh.index(alias));
        return elasticsearch.search(s -> s.index(alias).size(10_000).query(q -> q.matchAll(all -> all)), Map.class)
                .hits().hits().stream()
                .collect(Collectors.toMap(hit -> hit.id(), hit -> (Object) hit.source(), (a, b) -> a, TreeMap::new));
    }

    private void awaitCaughtUp() {
        SearchClient.awaitSearch("projections caught up", CAUGHT_UP,
                () -> api.send("GET", "/api/v1/admin/projections", adminToken(), null).json(),
                groups -> {
                    for (JsonNode group : groups) {
                        if (!group.path("state").asText().equals("running") || group.path("replaying").asBoolean()
                                || group.path("lag").asLong() != 0) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    private String adminToken() {
        return tokens.valid("admin", "USER", "ADMIN");
    }

    /** A made-up word of letters only, so that it matches nothing but the video it names. */
    private String word() {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
