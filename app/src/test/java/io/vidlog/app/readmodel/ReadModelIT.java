package io.vidlog.app.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import io.vidlog.app.ApiClient;
import io.vidlog.app.Tokens;
import io.vidlog.app.VidlogIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models on the real stack: exact counts after a storm of concurrent engagement, replays that rebuild
 * identical read models, Redis rebuilt after it lost everything, and taste scores that follow a viewer's likes.
 */
@VidlogIntegrationTest
class ReadModelIT {

    private static final String[] REACTIONS = {"LIKE", "DISLIKE", "SUPERLIKE"};

    @LocalServerPort
    int port;
    @Value("${vidlog.jwt.secret}")
    String secret;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;

    private ApiClient api;
    private Tokens tokens;
    private ReadModels readModels;
    private String run;
    private String creatorToken;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        tokens = new Tokens(secret);
        readModels = new ReadModels(api, tokens.valid("admin", "USER", "ADMIN"), jdbc, redis);
        run = UUID.randomUUID().toString().substring(0, 8);
        creatorToken = tokens.valid("creator-" + run, "USER", "CREATOR");
    }

    /** A viewer's end state on one video, as the viewer's own requests left it. */
    private static final class Engagement {
        String reaction = "NONE";
        boolean bookmarked;
    }

    @Test
    void countsAndTheBookmarkRankingMatchEveryViewersFinalState() throws Exception {
        List<String> videos = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            videos.add(createVideo("Storm " + run + " " + i, List.of("storm-" + run), 300));
        }
        int viewers = 240;
        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Future<Map<String, Engagement>>> results = new ArrayList<>();
        for (int v = 0; v < viewers; v++) {
            String user = "storm-" + run + "-" + v;
            long seed = v;
            results.add(clients.submit(() -> engageRandomly(user, videos, new Random(seed))));
        }
        List<Map<String, Engagement>> finalStates = new ArrayList<>();
        for (Future<Map<String, Engagement>> result : results) {
            finalStates.add(result.get());
        }
        clients.shutdown();

        readModels.awaitCaughtUp();
        Map<String, Long> expectedBookmarks = new HashMap<>();
        for (String video : videos) {
            Map<String, Long> expected = new HashMap<>(Map.of("likes", 0L, "dislikes", 0L, "superlikes", 0L,
                    "bookmarks", 0L));
            for (Map<String, Engagement> viewer : finalStates) {
                Engagement engagement = viewer.get(video);
                if (engagement == null) {
                    continue;
                }
                switch (engagement.reaction) {
                    case "LIKE" -> expected.merge("likes", 1L, Long::sum);
                    case "DISLIKE" -> expected.merge("dislikes", 1L, Long::sum);
                    case "SUPERLIKE" -> expected.merge("superlikes", 1L, Long::sum);
                    default -> { }
                }
                if (engagement.bookmarked) {
                    expected.merge("bookmarks", 1L, Long::sum);
                }
            }
            JsonNode counts = api.send("GET", "/api/v1/videos/" + video, null, null).json().path("counts");
            expected.forEach((count, value) -> assertThat(counts.path(count).asLong()).as(count + " of " + video)
                    .isEqualTo(value));
            expectedBookmarks.put(video, expected.get("bookmarks"));
        }

        JsonNode ranking = api.send("GET", "/api/v1/rankings/bookmarks?limit=100", null, null).json().path("items");
        List<Long> order = new ArrayList<>();
        Map<String, Long> ranked = new HashMap<>();
        ranking.forEach(item -> {
            order.add(item.path("bookmarks").asLong());
            ranked.put(item.path("videoId").asText(), item.path("bookmarks").asLong());
        });
        assertThat(order).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        expectedBookmarks.forEach((video, bookmarks) -> {
            if (bookmarks > 0) {
                assertThat(ranked).containsEntry(video, bookmarks);
            } else {
                assertThat(ranked).doesNotContainKey(video);
            }
        });

        for (String group : List.of("video-metadata", "rankings", "taste-scores", "search")) {
            for (String scope : List.of("", "?sample=50")) {
                ApiClient.Response response = api.send("GET", "/api/v1/admin/projections/" + group + "/drift" + scope,
                        adminToken(), null);
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                JsonNode drift = response.json();
                assertThat(drift.path("factsCompared").asInt()).as(drift.toString()).isPositive();
                assertThat(drift.path("differenceCount").asInt()).as(drift.toString()).isZero();
            }
        }
    }

    @Test
    void theDriftCheckReportsAReadModelThatNoLongerMatchesTheEvents() {
        String video = createVideo("Drift " + run, List.of("drift-" + run), 100);
        String viewer = tokens.valid("drift-" + run, "USER");
        assertThat(api.send("PUT", path(video, "reaction"), viewer, "{\"type\":\"LIKE\"}").status()).isEqualTo(200);
        readModels.awaitCaughtUp();
        jdbc.update("update video_metadata set likes = likes + 2 where video_id = ?", video);
        try {
            JsonNode sampled = api.send("GET", "/api/v1/admin/projections/video-metadata/drift?sample=1",
                    adminToken(), null).json();
            assertThat(sampled.path("scope").asText()).isEqualTo("1 sampled");
            JsonNode all = api.send("GET", "/api/v1/admin/projections/video-metadata/drift", adminToken(), null)
                    .json();
            assertThat(all.path("differenceCount").asInt()).as(all.toString()).isEqualTo(1);
            assertThat(all.path("differences").get(0).path("fact").asText()).isEqualTo(video + " likes");
            assertThat(all.path("differences").get(0).path("expected").asText()).isEqualTo("1");
            assertThat(all.path("differences").get(0).path("actual").asText()).isEqualTo("3");
        } finally {
            jdbc.update("update video_metadata set likes = likes - 2 where video_id = ?", video);
        }
        api.send("GET", "/api/v1/admin/projections/video-metadata/drift?sample=0", adminToken(), null)
                .assertProblem(400);
    }

    @Test
    void replayingEachGroupRebuildsIdenticalReadModelsAndADeletedVideoLeavesTheRanking() {
        String video = createVideo("Replay " + run, List.of("replay-" + run, "travel"), 100);
        for (int v = 0; v < 5; v++) {
            String viewer = tokens.valid("replay-" + run + "-" + v, "USER");
            assertThat(api.send("PUT", path(video, "reaction"), viewer, "{\"type\":\"" + REACTIONS[v % 3] + "\"}")
                    .status()).isEqualTo(200);
            assertThat(api.send("PUT", path(video, "bookmark"), viewer, null).status()).isEqualTo(204);
            watch(viewer, video, 100);
        }
        readModels.awaitCaughtUp();
        Map<String, List<String>> postgres = readModels.postgres();
        Map<String, Map<String, Double>> redisBefore = readModels.redis();
        assertThat(postgres.get("video_metadata")).anyMatch(row -> row.contains(video));
        assertThat(redisBefore.get("vidlog:rankings:bookmarks")).containsEntry(video, 5.0);

        for (String group : List.of("video-metadata", "rankings", "taste-scores", "search")) {
            ApiClient.Response replay = api.send("POST", "/api/v1/admin/projections/" + group + "/replay",
                    adminToken(), null);
            assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            readModels.awaitCaughtUp();
            assertThat(readModels.postgres()).as("PostgreSQL read models after replaying " + group)
                    .isEqualTo(postgres);
            assertThat(readModels.redis()).as("Redis read models after replaying " + group).isEqualTo(redisBefore);
        }

        assertThat(api.send("DELETE", "/api/v1/videos/" + video, creatorToken, null).status()).isEqualTo(204);
        readModels.awaitCaughtUp();
        assertThat(readModels.redis().get("vidlog:rankings:bookmarks")).doesNotContainKey(video);
        JsonNode ranking = api.send("GET", "/api/v1/rankings/bookmarks?limit=100", null, null).json().path("items");
        ranking.forEach(item -> assertThat(item.path("videoId").asText()).isNotEqualTo(video));
        api.send("GET", "/api/v1/videos/" + video, null, null).assertProblem(404);
    }

    @Test
    void aReplayTakesInTheCommandsThatArriveWhileItRuns() throws Exception {
        String video = createVideo("Busy replay " + run, List.of("busy-" + run), 100);
        ApiClient.Response replay = api.send("POST", "/api/v1/admin/projections/video-metadata/replay", adminToken(),
                null);
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> likes = new ArrayList<>();
        for (int v = 0; v < 40; v++) {
            String viewer = tokens.valid("busy-" + run + "-" + v, "USER");
            likes.add(clients.submit(() -> api.send("PUT", path(video, "reaction"), viewer, "{\"type\":\"LIKE\"}")
                    .status()));
        }
        for (Future<Integer> like : likes) {
            assertThat(like.get()).isEqualTo(200);
        }
        clients.shutdown();

        readModels.awaitCaughtUp();
        assertThat(api.send("GET", "/api/v1/videos/" + video, null, null).json().path("counts").path("likes")
                .asLong()).isEqualTo(40);
        JsonNode drift = api.send("GET", "/api/v1/admin/projections/video-metadata/drift", adminToken(), null).json();
        assertThat(drift.path("differenceCount").asInt()).as(drift.toString()).isZero();
    }

    @Test
    void redisLosingEverythingIsRebuiltWithoutAnOperator() {
        String video = createVideo("Flush " + run, List.of("flush-" + run), 100);
        String viewer = tokens.valid("flush-" + run, "USER");
        assertThat(api.send("PUT", path(video, "bookmark"), viewer, null).status()).isEqualTo(204);
        assertThat(api.send("PUT", path(video, "reaction"), viewer, "{\"type\":\"LIKE\"}").status()).isEqualTo(200);
        readModels.awaitCaughtUp();
        Map<String, Map<String, Double>> before = readModels.redis();
        assertThat(before).containsKey("vidlog:taste:flush-" + run);

        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushAll();
            return null;
        });

        ReadModels.await("Redis rebuilt", Duration.ofSeconds(30), () -> readModels.redis().equals(before));
        assertThat(api.send("GET", "/api/v1/me/preferences", viewer, null).json().path("tags").get(0)
                .path("tag").asText()).isEqualTo("flush-" + run);
    }

    @Test
    void aLikeAndACompletionRaiseTheViewersPreferencesForTheVideosTags() {
        String video = createVideo("Taste " + run, List.of("jeju-" + run, "food-" + run), 100);
        String user = "taste-" + run;
        String viewer = tokens.valid(user, "USER");
        assertThat(api.send("GET", "/api/v1/me/preferences", viewer, null).json().path("tags")).isEmpty();

        assertThat(api.send("PUT", path(video, "reaction"), viewer, "{\"type\":\"LIKE\"}").status()).isEqualTo(200);
        readModels.awaitCaughtUp();
        assertThat(scores(viewer)).containsExactlyInAnyOrderEntriesOf(Map.of("jeju-" + run, 5.0, "food-" + run, 5.0));

        watch(viewer, video, 100);
        readModels.awaitCaughtUp();
        long watchedSeconds = jdbc.queryForObject(
                "select watched_seconds from taste_score where user_id = ? and tag = ?", Long.class, user,
                "jeju-" + run);
        assertThat(watchedSeconds).isPositive();
        double expected = 5 + 3 + 0.1 * watchedSeconds / 60.0;
        assertThat(scores(viewer)).containsExactlyInAnyOrderEntriesOf(
                Map.of("jeju-" + run, expected, "food-" + run, expected));
    }

    @Test
    void aVideoShowsTheCallersOwnStateAndTheViewersListsFollow() {
        String video = createVideo("Mine " + run, List.of("mine-" + run), 200);
        String viewer = tokens.valid("mine-" + run, "USER");
        api.send("PUT", path(video, "reaction"), viewer, "{\"type\":\"SUPERLIKE\"}");
        api.send("PUT", path(video, "bookmark"), viewer, null);
        api.send("POST", path(video, "progress"), viewer, "{\"positionSeconds\":30,\"sequence\":1}");
        readModels.awaitCaughtUp();

        JsonNode mine = api.send("GET", "/api/v1/videos/" + video, viewer, null).json();
        assertThat(mine.path("title").asText()).isEqualTo("Mine " + run);
        assertThat(mine.path("status").asText()).isEqualTo("READY");
        assertThat(mine.path("durationSeconds").asInt()).isEqualTo(200);
        assertThat(mine.path("counts").path("superlikes").asLong()).isEqualTo(1);
        assertThat(mine.path("counts").path("views").asLong()).isEqualTo(1);
        assertThat(mine.path("me").path("reaction").asText()).isEqualTo("SUPERLIKE");
        assertThat(mine.path("me").path("bookmarked").asBoolean()).isTrue();
        assertThat(mine.path("me").path("positionSeconds").asInt()).isEqualTo(30);
        assertThat(api.send("GET", "/api/v1/videos/" + video, null, null).json().has("me")).isFalse();

        JsonNode bookmarks = api.send("GET", "/api/v1/me/bookmarks?page=0&size=10", viewer, null).json();
        assertThat(bookmarks.path("total").asLong()).isEqualTo(1);
        assertThat(bookmarks.path("items").get(0).path("videoId").asText()).isEqualTo(video);
        JsonNode history = api.send("GET", "/api/v1/me/history", viewer, null).json();
        assertThat(history.path("items").get(0).path("positionSeconds").asInt()).isEqualTo(30);
        assertThat(history.path("items").get(0).path("completed").asBoolean()).isFalse();

        api.send("GET", "/api/v1/me/bookmarks?size=0", viewer, null).assertProblem(400);
        api.send("GET", "/api/v1/me/history?page=-1", viewer, null).assertProblem(400);
        api.send("GET", "/api/v1/me/history?size=lots", viewer, null).assertProblem(400);
        api.send("GET", "/api/v1/rankings/bookmarks?limit=1000", null, null).assertProblem(400);
        api.send("GET", "/api/v1/me/bookmarks", null, null).assertProblem(401);
        api.send("GET", "/api/v1/videos/no-such-video", null, null).assertProblem(404);
        api.send("GET", "/api/v1/admin/projections", viewer, null).assertProblem(403);
        api.send("GET", "/api/v1/admin/projections/no-such-group", adminToken(), null).assertProblem(404);
    }

    private Map<String, Engagement> engageRandomly(String user, List<String> videos, Random random) {
        String token = tokens.valid(user, "USER");
        Map<String, Engagement> states = new HashMap<>();
        int actions = 4 + random.nextInt(8);
        for (int a = 0; a < actions; a++) {
            String video = videos.get(random.nextInt(videos.size()));
            Engagement state = states.computeIfAbsent(video, key -> new Engagement());
            int dice = random.nextInt(4);
            ApiClient.Response response;
            if (dice == 0) {
                String reaction = REACTIONS[random.nextInt(REACTIONS.length)];
                response = api.send("PUT", path(video, "reaction"), token, "{\"type\":\"" + reaction + "\"}");
                state.reaction = reaction;
            } else if (dice == 1) {
                response = api.send("DELETE", path(video, "reaction"), token, null);
                state.reaction = "NONE";
            } else if (dice == 2) {
                response = api.send("PUT", path(video, "bookmark"), token, null);
                state.bookmarked = true;
            } else {
                response = api.send("DELETE", path(video, "bookmark"), token, null);
                state.bookmarked = false;
            }
            assertThat(response.status()).as(response.body()).isBetween(200, 299);
        }
        return states;
    }

    /** Reports progress every 10 s of the video, from the start to the end. */
    private void watch(String viewer, String video, int durationSeconds) {
        int sequence = 0;
        for (int position = 0; position <= durationSeconds; position += 10) {
            assertThat(api.send("POST", path(video, "progress"), viewer,
                    "{\"positionSeconds\":" + position + ",\"sequence\":" + ++sequence + "}").status()).isEqualTo(202);
        }
    }

    private Map<String, Double> scores(String viewer) {
        Map<String, Double> scores = new HashMap<>();
        api.send("GET", "/api/v1/me/preferences", viewer, null).json().path("tags")
                .forEach(tag -> scores.put(tag.path("tag").asText(), tag.path("score").asDouble()));
        return scores;
    }

    private String createVideo(String title, List<String> tags, int durationSeconds) {
        ApiClient.Response created = api.send("POST", "/api/v1/dev/videos", creatorToken, """
                {"title":"%s","description":"read model test","tags":[%s],"videoType":"HORIZONTAL",
                 "durationSeconds":%d}""".formatted(title,
                String.join(",", tags.stream().map(tag -> "\"" + tag + "\"").toList()), durationSeconds));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("videoId").asText();
    }

    private String adminToken() {
        return tokens.valid("admin", "USER", "ADMIN");
    }

    private static String path(String video, String what) {
        return "/api/v1/videos/" + video + "/" + what;
    }
}
