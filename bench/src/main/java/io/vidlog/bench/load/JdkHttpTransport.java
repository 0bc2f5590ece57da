package io.vidlog.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JDK's {@link HttpClient} (HTTP/1.1, pooled keep-alive connections), for comparison with the raw client. */
final class JdkHttpTransport implements Transport {

    private final HttpClient client;
    private final String baseUrl;
    private String lastBody = "";

    JdkHttpTransport(HttpClient client, String baseUrl) {
        this.client = client;
        this.baseUrl = baseUrl;
    }

    static HttpClient sharedClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public int send(String method, String path, String bearerToken, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearerToken);
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        lastBody = response.body();
        return response.statusCode();
    }

    @Override
    public String lastBody() {
        return lastBody;
    }

    @Override
    public void close() {
        // the shared client's connections are pooled
    }
}
