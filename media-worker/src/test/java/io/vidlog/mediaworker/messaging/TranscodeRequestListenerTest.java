package io.vidlog.mediaworker.messaging;

import io.vidlog.api.transcode.TranscodeResultMessage;
import io.vidlog.mediaworker.transcode.Transcoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.kafka.support.Acknowledgment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class TranscodeRequestListenerTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final TranscodeResultMessage SUCCEEDED = TranscodeResultMessage.succeeded("v1", "a1", 6.0,
            "videos/v1/hls/a1/master.m3u8", "videos/v1/hls/a1/poster.jpg", List.of());

    private final Transcoder transcoder = mock(Transcoder.class);
    private final TranscodeResultSender sender = mock(TranscodeResultSender.class);
    private final Acknowledgment acknowledgment = mock(Acknowledgment.class);
    private final TranscodeRequestListener listener = new TranscodeRequestListener(transcoder, sender,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theRequestIsAcknowledgedOnlyAfterItsResultIsSent() {
        when(transcoder.transcode(any(), any())).thenReturn(SUCCEEDED);

        listener.onRequest(record(NOW.plusSeconds(600)), acknowledgment);

        InOrder order = inOrder(sender, acknowledgment);
        order.verify(sender).send(SUCCEEDED);
        order.verify(acknowledgment).acknowledge();
    }

    @Test
    void aResultKafkaDidNotTakeLeavesTheRequestUnacknowledgedAndIsSentAgainWithoutTranscoding() {
        when(transcoder.transcode(any(), any())).thenReturn(SUCCEEDED);
        doThrow(new ResultNotSentException("broker gone", null)).doNothing().when(sender).send(SUCCEEDED);

        assertThatThrownBy(() -> listener.onRequest(record(NOW.plusSeconds(600)), acknowledgment))
                .isInstanceOf(ResultNotSentException.class);
        verify(acknowledgment, never()).acknowledge();

        listener.onRequest(record(NOW.plusSeconds(600)), acknowledgment);

        verify(transcoder, times(1)).transcode(any(), any());
        verify(sender, times(2)).send(SUCCEEDED);
        verify(acknowledgment).acknowledge();
    }

    @Test
    void aRequestWhoseDeadlinePassedIsSkipped() {
        listener.onRequest(record(NOW), acknowledgment);

        verifyNoInteractions(transcoder, sender);
        verify(acknowledgment).acknowledge();
    }

    @Test
    void anUnreadableRecordIsSkippedRatherThanBlockingThePartition() {
        ConsumerRecord<String, byte[]> garbage = new ConsumerRecord<>("vidlog.transcode.requests", 0, 7, "v1",
                "not json".getBytes(StandardCharsets.UTF_8));

        listener.onRequest(garbage, acknowledgment);

        verifyNoInteractions(transcoder, sender);
        verify(acknowledgment).acknowledge();
    }

    private static ConsumerRecord<String, byte[]> record(Instant deadline) {
        String json = """
                {"videoId":"v1","attemptId":"a1","attempt":1,"sourceKey":"uploads/v1/source","sourceSizeBytes":10,
                 "outputPrefix":"videos/v1/hls/a1/","deadline":"%s"}
                """.formatted(deadline);
        return new ConsumerRecord<>("vidlog.transcode.requests", 0, 7, "v1", json.getBytes(StandardCharsets.UTF_8));
    }
}
