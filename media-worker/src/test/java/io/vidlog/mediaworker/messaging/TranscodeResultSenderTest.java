package io.vidlog.mediaworker.messaging;

import io.vidlog.api.transcode.Rendition;
import io.vidlog.api.transcode.TranscodeResultMessage;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class TranscodeResultSenderTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
    private final TranscodeResultSender sender = new TranscodeResultSender(kafka, Duration.ofMillis(100));

    @Test
    void aSuccessIsJsonKeyedByVideoOnTheResultsTopic() {
        when(kafka.send(anyString(), anyString(), anyString())).thenReturn(sent());

        sender.send(TranscodeResultMessage.succeeded("v1", "a1", 6.0, "videos/v1/hls/a1/master.m3u8",
                "videos/v1/hls/a1/poster.jpg", List.of(new Rendition("360p", 640, 360, 984_000))));

        verify(kafka).send("vidlog.transcode.results", "v1", "{\"videoId\":\"v1\",\"attemptId\":\"a1\","
                + "\"outcome\":\"SUCCEEDED\",\"percent\":100,\"durationSeconds\":6.0,"
                + "\"manifestKey\":\"videos/v1/hls/a1/master.m3u8\",\"posterKey\":\"videos/v1/hls/a1/poster.jpg\","
                + "\"renditions\":[{\"name\":\"360p\",\"width\":640,\"height\":360,\"bandwidth\":984000}]}");
    }

    @Test
    void aFailureCarriesOnlyItsReason() {
        when(kafka.send(anyString(), anyString(), anyString())).thenReturn(sent());

        sender.send(TranscodeResultMessage.failed("v1", "a1", "not a video", false));

        verify(kafka).send("vidlog.transcode.results", "v1", "{\"videoId\":\"v1\",\"attemptId\":\"a1\","
                + "\"outcome\":\"FAILED\",\"reason\":\"not a video\",\"retryable\":false}");
    }

    @Test
    void aResultKafkaDoesNotConfirmInTimeIsNotSent() {
        when(kafka.send(anyString(), anyString(), anyString())).thenReturn(new CompletableFuture<>());

        assertThatThrownBy(() -> sender.send(TranscodeResultMessage.failed("v1", "a1", "deadline passed", true)))
                .isInstanceOf(ResultNotSentException.class);
    }

    @Test
    void aResultKafkaRejectsIsNotSent() {
        when(kafka.send(anyString(), anyString(), anyString()))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker gone")));

        assertThatThrownBy(() -> sender.send(TranscodeResultMessage.failed("v1", "a1", "deadline passed", true)))
                .isInstanceOf(ResultNotSentException.class);
    }

    @Test
    void progressIsNotWaitedFor() {
        when(kafka.send(anyString(), anyString(), anyString())).thenReturn(new CompletableFuture<>());

        sender.sendProgress(TranscodeResultMessage.progress("v1", "a1", 35));

        verify(kafka).send(eq("vidlog.transcode.results"), eq("v1"), any());
    }

    private static CompletableFuture<SendResult<String, String>> sent() {
        return CompletableFuture.completedFuture(null);
    }
}
