package io.vidlog.app.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.vidlog.app.VidlogIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@VidlogIntegrationTest
class PlatformHealthIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void healthIsUpWithEveryRealComponent() {
        ResponseEntity<JsonNode> response = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode components = response.getBody().path("components");
        for (String component : new String[] {"db", "kafka", "redis", "elasticsearch", "s3", "ffmpeg"}) {
            assertThat(components.path(component).path("status").asText()).as(component).isEqualTo("UP");
        }
        assertThat(response.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(components.path("db").path("details").path("database").asText()).isEqualTo("PostgreSQL");
        assertThat(components.path("ffmpeg").path("details").path("ffmpeg").asText()).startsWith("ffmpeg version");
    }

    @Test
    void prometheusMetricsIncludeJvmHttpAndEventProcessorMetrics() {
        http.getForEntity("/actuator/health", String.class);

        ResponseEntity<String> response = http.getForEntity("/actuator/prometheus", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count",
                "application=\"vidlog\"");
        assertThat(response.getBody()).containsPattern(
                "vidlog_event_processor_lag_events\\{application=\"vidlog\",processor=\"video-metadata\"} \\d");
    }

    @Test
    void openApiDescriptionIsPublished() {
        ResponseEntity<JsonNode> response = http.getForEntity("/v3/api-docs", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("openapi").asText()).startsWith("3.");
    }
}
