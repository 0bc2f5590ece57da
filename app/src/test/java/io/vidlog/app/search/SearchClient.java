package io.vidlog.app.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.vidlog.app.ApiClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The discovery endpoints as the tests call them, and videos created for them through the local dev endpoint. */
final class SearchClient {

    private final ApiClient api;
    private final String creatorToken;
    private final List<String> created = new ArrayList<>();

    SearchClient(ApiClient api, String creatorToken) {
        this.api = api;
        this.creatorToken = creatorToken;
    }

    /** A READY video (created and published by the Video aggregate, without media). */
    String createVideo(String title, String description, List<String> tags, String videoType) {
        ApiClient.Response response = api.send("POST", "/api/v1/dev/videos", creatorToken, """
                {"title":%s,"description":%s,"tags":[%s],"videoType":"%s","durationSeconds":60}""".formatted(
                json(title), json(description), tags.stream().map(SearchClient::json).collect(Collectors.joining(",")),
                videoType));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String videoId = response.json().path("videoId").asText();
        this.created.add(videoId);
        return videoId;
    }

    /** Deletes the videos this client created, so that they do not stand in other tests' searches. */
    void deleteCreated() {
        created.forEach(videoId -> api.send("DELETE", "/api/v1/videos/" + videoId, creatorToken, null));
        created.clear();
    }

    /** The video ids of a search's hits, best first. */
    List<String> search(String query, String type, List<String> tags, int size) {
        StringBuilder path = new StringBuilder("/api/v1/search?q=").append(encode(query)).append("&size=").append(size);
        if (type != null) {
            path.append("&type=").append(type);
        }
        tags.forEach(tag -> path.append("&tags=").append(encode(tag)));
        return ids(get(path.toString()).path("items"));
    }

    List<String> search(String query) {
        return search(query, null, List.of(), 20);
    }

    List<String> autocomplete(String prefix) {
        return ids(get("/api/v1/search/autocomplete?prefix=" + encode(prefix)).path("suggestions"));
    }

    JsonNode feed(String token, int page, int size) {
        ApiClient.Response response = api.send("GET", "/api/v1/feed?page=" + page + "&size=" + size, token, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Polls {@code what} every 50 ms until it holds; returns how long that took. */
    static <T> Duration awaitSearch(String description, Duration limit, java.util.function.Supplier<T> what,
                                    Predicate<T> holds) {
        long started = System.nanoTime();
        T last = what.get();
        while (!holds.test(last)) {
            if (System.nanoTime() - started > limit.toNanos()) {
                throw new AssertionError("Not " + description + " within " + limit + "; last seen: " + last);
            }
            sleep(50);
            last = what.get();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("videoId").asText()));
        return ids;
    }

    private JsonNode get(String path) {
        ApiClient.Response response = api.send("GET", path, null, null);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
