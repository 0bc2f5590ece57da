package io.vidlog.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A thin HTTP client for the running application's REST API, as an external caller would use it. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ApiClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String detail() {
            return json().path("detail").asText();
        }

        /** The answer is an RFC 9457 problem with this status, a title and a detail. */
        public void assertProblem(int expectedStatus) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(header("Content-Type")).hasValue("application/problem+json");
            assertThat(json().path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(json().path("title").asText()).isNotBlank();
            assertThat(detail()).isNotBlank();
        }
    }

    /** Sends {@code method path} with an optional JSON body and bearer token ({@code null} for none). */
    public Response send(String method, String path, String token, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a READY video through the local-only demo endpoint and returns its id. */
    public String createReadyVideo(String creatorToken, String title, int durationSeconds) {
        Response created = send("POST", "/api/v1/dev/videos", creatorToken, """
                {"title":"%s","description":"test video","tags":["test"],"videoType":"HORIZONTAL","durationSeconds":%d}
                """.formatted(title, durationSeconds));
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create a video: " + created);
        }
        return created.json().path("videoId").asText();
    }
}
