package io.vidlog.mediaworker.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vidlog.api.transcode.TranscodeResultMessage;
import io.vidlog.api.transcode.TranscodeTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reports progress and results of attempts to the saga.
 * <p>
 * Wire format: topic {@link TranscodeTopics#RESULTS}; key = the video id as a {@code String}
 * ({@code StringSerializer}); value = a {@link TranscodeResultMessage} as UTF-8 JSON text ({@code StringSerializer}),
 * for example
 * {@code {"videoId":"v1","attemptId":"a1","outcome":"SUCCEEDED","percent":100,"durationSeconds":6.0,
 * "manifestKey":"videos/v1/hls/a1/master.m3u8","posterKey":"videos/v1/hls/a1/poster.jpg",
 * "renditions":[{"name":"360p","width":640,"height":360,"bandwidth":984000}]}}
 * or {@code {"videoId":"v1","attemptId":"a1","outcome":"FAILED","reason":"not a video","retryable":false}};
 * fields that do not apply to the outcome are absent, and there are no type headers. Read it with a
 * {@code StringDeserializer} and any JSON mapper into {@link TranscodeResultMessage}. One video's messages keep their
 * order (same key, same partition, idempotent producer), but a redelivered request can repeat an outcome.
 */
public class TranscodeResultSender {

    private static final Logger log = LoggerFactory.getLogger(TranscodeResultSender.class);

    private final KafkaTemplate<String, String> kafka;
    private final Duration timeout;
    private final ObjectMapper json = MessageJson.mapper();

    public TranscodeResultSender(KafkaTemplate<String, String> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    /** Best effort: a lost progress report is made up for by the next one, or by the result. */
    public void sendProgress(TranscodeResultMessage progress) {
        kafka.send(TranscodeTopics.RESULTS, progress.videoId(), toJson(progress)).whenComplete((sent, failure) -> {
            if (failure != null) {
                log.warn("Progress {} % of video {} attempt {} was not sent: {}", progress.percent(),
                        progress.videoId(), progress.attemptId(), failure.toString());
            }
        });
    }

    /**
     * Returns once Kafka has the result on all in-sync replicas.
     *
     * @throws ResultNotSentException when Kafka did not confirm within the timeout
     */
    public void send(TranscodeResultMessage result) {
        try {
            kafka.send(TranscodeTopics.RESULTS, result.videoId(), toJson(result))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ResultNotSentException("The result of video " + result.videoId() + " attempt "
                    + result.attemptId() + " was not sent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResultNotSentException("Interrupted while sending the result of video " + result.videoId()
                    + " attempt " + result.attemptId(), e);
        }
    }

    private String toJson(TranscodeResultMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A transcode result could not be written as JSON", e);
        }
    }
}
