package io.vidlog.app.transcode;

import com.fasterxml.jackson.databind.JsonNode;
import io.vidlog.app.ApiClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A creator's upload as a browser would do it: REST for the video and the part URLs, plain HTTP PUTs to S3. */
public final class Uploads {

    private final ApiClient api;
    private final HttpClient http = HttpClient.newHttpClient();

    public Uploads(ApiClient api) {
        this.api = api;
    }

    String createVideo(String token, String title, String videoType) {
        ApiClient.Response created = api.send("POST", "/api/v1/videos", token, """
                {"title":"%s","description":"uploaded in a test","tags":["test"],"videoType":"%s"}
                """.formatted(title, videoType));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("videoId").asText();
    }

    /** Starts the upload of {@code file} and answers the server's part plan. */
    JsonNode start(String token, String videoId, Path file, String contentType) {
        ApiClient.Response started = api.send("POST", "/api/v1/videos/" + videoId + "/upload", token, """
                {"fileName":"%s","contentType":"%s","sizeBytes":%d}
                """.formatted(file.getFileName(), contentType, size(file)));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json();
    }

    /** PUTs every part of {@code file} to its presigned URL and answers the parts with their ETags. */
    List<String> putParts(JsonNode plan, Path file) {
        byte[] bytes = read(file);
        long partSize = plan.path("partSize").asLong();
        List<String> parts = new ArrayList<>();
        for (JsonNode part : plan.path("parts")) {
            int number = part.path("partNumber").asInt();
            int from = (int) ((number - 1) * partSize);
            int to = (int) Math.min(bytes.length, from + partSize);
            HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(part.path("url").asText()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(bytes, from, to))).build());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            parts.add("{\"partNumber\":%d,\"etag\":%s}".formatted(number,
                    quoted(put.headers().firstValue("ETag").orElseThrow())));
        }
        return parts;
    }

    ApiClient.Response complete(String token, String videoId, JsonNode plan, List<String> parts) {
        return api.send("POST", "/api/v1/videos/" + videoId + "/upload/complete", token,
                "{\"uploadId\":%s,\"parts\":[%s]}".formatted(quoted(plan.path("uploadId").asText()),
                        String.join(",", parts)));
    }

    /** Creates a video and uploads {@code file} into it through the presigned part URLs; answers the video id. */
    public String upload(String token, String title, String videoType, Path file, String contentType) {
        String videoId = createVideo(token, title, videoType);
        JsonNode plan = start(token, videoId, file, contentType);
        ApiClient.Response completed = complete(token, videoId, plan, putParts(plan, file));
        assertThat(completed.status()).as(completed.body()).isEqualTo(202);
        return videoId;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
