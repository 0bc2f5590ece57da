package io.vidlog.app.engagement;

import io.vidlog.app.ApiClient;
import io.vidlog.app.Tokens;
import io.vidlog.app.VidlogIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of viewers react to one video at the same time, through REST, on the real stack: the event store ends
 * up with exactly the events the users' final states require, and nobody gets a server error.
 */
@VidlogIntegrationTest
class EngagementConcurrencyIT {

    private static final int CLIENTS = 32;

    @LocalServerPort
    int port;
    @Value("${vidlog.jwt.secret}")
    String secret;
    @Autowired
    JdbcTemplate jdbc;

    private ApiClient api;
    private Tokens tokens;
    private String videoId;
    private String run;

    record ReactionChange(String userId, String from, String to) {
    }

    @BeforeEach
    void createVideo() {
        api = new ApiClient(port);
        tokens = new Tokens(secret);
        run = UUID.randomUUID().toString().substring(0, 8);
        videoId = api.createReadyVideo(tokens.valid("creator-" + run, "USER", "CREATOR"), "Concurrency " + run, 600);
    }

    @Test
    void threeHundredUsersLikeThenHalfSwitchToDislikeAndFiftyClear() throws Exception {
        List<String> users = IntStream.range(0, 300).mapToObj(i -> "viewer-" + run + "-" + i).toList();
        Map<String, String> tokenOf = new HashMap<>();
        users.forEach(user -> tokenOf.put(user, tokens.valid(user, "USER")));

        List<Integer> likes = concurrently(users, user ->
                api.send("PUT", "/api/v1/videos/" + videoId + "/reaction", tokenOf.get(user), "{\"type\":\"LIKE\"}").status());
        assertThat(likes).containsOnly(200);

        List<String> switchers = users.subList(0, 150);
        List<String> clearers = users.subList(150, 200);
        List<Callable<Integer>> second = new ArrayList<>();
        switchers.forEach(user -> second.add(() -> api.send("PUT", "/api/v1/videos/" + videoId + "/reaction",
                tokenOf.get(user), "{\"type\":\"DISLIKE\"}").status()));
        clearers.forEach(user -> second.add(() -> api.send("DELETE", "/api/v1/videos/" + videoId + "/reaction",
                tokenOf.get(user), null).status()));
        assertThat(runAll(second)).containsOnly(200, 204).contains(200, 204);

        List<ReactionChange> changes = reactionChanges();
        assertThat(changes).hasSize(300 + 150 + 50);
        assertThat(changes).filteredOn(change -> change.from().equals("NONE") && change.to().equals("LIKE")).hasSize(300);
        assertThat(changes).filteredOn(change -> change.from().equals("LIKE") && change.to().equals("DISLIKE")).hasSize(150);
        assertThat(changes).filteredOn(change -> change.from().equals("LIKE") && change.to().equals("NONE")).hasSize(50);
        Map<String, String> finalReaction = new HashMap<>();
        changes.forEach(change -> finalReaction.put(change.userId(), change.to()));
        assertThat(finalReaction.values()).filteredOn("LIKE"::equals).hasSize(100);
        assertThat(finalReaction.values()).filteredOn("DISLIKE"::equals).hasSize(150);
        assertThat(finalReaction.values()).filteredOn("NONE"::equals).hasSize(50);
    }

    @Test
    void fiftyConcurrentTogglesFromOneUserEndConsistentWithoutServerErrors() throws Exception {
        String user = "toggler-" + run;
        String token = tokens.valid(user, "USER");
        String[][] requests = {
                {"PUT", "/reaction", "{\"type\":\"LIKE\"}"}, {"PUT", "/reaction", "{\"type\":\"SUPERLIKE\"}"},
                {"PUT", "/reaction", "{\"type\":\"DISLIKE\"}"}, {"DELETE", "/reaction", null},
                {"PUT", "/bookmark", null}, {"DELETE", "/bookmark", null}};
        List<Callable<Integer>> toggles = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String[] request = requests[i % requests.length];
            toggles.add(() -> api.send(request[0], "/api/v1/videos/" + videoId + request[1], token, request[2]).status());
        }

        assertThat(runAll(toggles)).allSatisfy(status -> assertThat(status).isBetween(200, 299));

        // Each change starts from where the previous one ended: no update was lost or applied twice.
        List<ReactionChange> changes = reactionChanges();
        String current = "NONE";
        for (ReactionChange change : changes) {
            assertThat(change.from()).isEqualTo(current);
            assertThat(change.to()).isNotEqualTo(change.from());
            current = change.to();
        }
        List<String> bookmarkEvents = jdbc.queryForList("""
                select payload_type from domain_event_entry
                where payload_type like '%Bookmark%' and convert_from(payload, 'UTF8')::jsonb ->> 'videoId' = ?
                order by global_index""", String.class, videoId);
        for (int i = 1; i < bookmarkEvents.size(); i++) {
            assertThat(bookmarkEvents.get(i)).as("bookmark events alternate").isNotEqualTo(bookmarkEvents.get(i - 1));
        }
        assertThat(bookmarkEvents).isNotEmpty();
    }

    private List<ReactionChange> reactionChanges() {
        return jdbc.query("""
                select p ->> 'userId' as user_id, p ->> 'from' as from_reaction, p ->> 'to' as to_reaction
                from (select convert_from(payload, 'UTF8')::jsonb as p, global_index from domain_event_entry
                      where payload_type = 'io.vidlog.api.engagement.VideoReactionChangedEvent') events
                where p ->> 'videoId' = ? order by global_index""",
                (row, i) -> new ReactionChange(row.getString(1), row.getString(2), row.getString(3)), videoId);
    }

    private static List<Integer> concurrently(List<String> users, Function<String, Integer> request) throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        users.forEach(user -> calls.add(() -> request.apply(user)));
        return runAll(calls);
    }

    private static List<Integer> runAll(List<Callable<Integer>> calls) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : clients.invokeAll(calls)) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            clients.shutdown();
        }
    }
}
