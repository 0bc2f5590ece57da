package io.vidlog.mediaworker.messaging;

import io.vidlog.api.transcode.TranscodeRequestedEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TranscodeRequestReaderTest {

    private static final TranscodeRequestedEvent EXPECTED = new TranscodeRequestedEvent("v1", "a1", 2,
            "uploads/v1/source", 1_048_576, "videos/v1/hls/a1/", Instant.parse("2025-03-01T10:15:30.250Z"));

    private final TranscodeRequestReader reader = new TranscodeRequestReader();

    @Test
    void readsTheDeadlineAsAnIsoString() throws Exception {
        assertThat(reader.read(bytes("""
                {"videoId":"v1","attemptId":"a1","attempt":2,"sourceKey":"uploads/v1/source",
                 "sourceSizeBytes":1048576,"outputPrefix":"videos/v1/hls/a1/","deadline":"2025-03-01T10:15:30.250Z"}
                """))).isEqualTo(EXPECTED);
    }

    @Test
    void readsTheDeadlineAsSecondsSinceTheEpoch() throws Exception {
        long seconds = EXPECTED.deadline().getEpochSecond();

        assertThat(reader.read(bytes("""
                {"videoId":"v1","attemptId":"a1","attempt":2,"sourceKey":"uploads/v1/source",
                 "sourceSizeBytes":1048576,"outputPrefix":"videos/v1/hls/a1/","deadline":%d.250000000}
                """.formatted(seconds)))).isEqualTo(EXPECTED);
    }

    @Test
    void fieldsItDoesNotKnowAreSkipped() throws Exception {
        assertThat(reader.read(bytes("""
                {"videoId":"v1","attemptId":"a1","attempt":2,"sourceKey":"uploads/v1/source",
                 "sourceSizeBytes":1048576,"outputPrefix":"videos/v1/hls/a1/","deadline":"2025-03-01T10:15:30.250Z",
                 "priority":"high"}
                """))).isEqualTo(EXPECTED);
    }

    @Test
    void somethingElseIsUnreadable() {
        assertThatThrownBy(() -> reader.read(bytes("hello"))).isInstanceOf(UnreadableRequestException.class);
        assertThatThrownBy(() -> reader.read(null)).isInstanceOf(UnreadableRequestException.class);
        assertThatThrownBy(() -> reader.read(bytes("""
                {"videoId":"v1","attemptId":"a1","deadline":"2025-03-01T10:15:30Z"}
                """))).isInstanceOf(UnreadableRequestException.class);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
