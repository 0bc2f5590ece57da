package io.vidlog.mediaworker.messaging;

import io.vidlog.api.transcode.TranscodeRequestedEvent;
import io.vidlog.api.transcode.TranscodeResultMessage;
import io.vidlog.api.transcode.TranscodeTopics;
import io.vidlog.mediaworker.transcode.Transcoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

import java.time.Clock;

/**
 * Takes transcode requests from Kafka, one at a time per consumer. A request is acknowledged only after its result
 * is on the results topic: a worker that dies mid-transcode leaves its request to the next worker, and a result that
 * Kafka does not take sends the request round again.
 */
public class TranscodeRequestListener {

    private static final Logger log = LoggerFactory.getLogger(TranscodeRequestListener.class);

    private final Transcoder transcoder;
    private final TranscodeResultSender sender;
    private final Clock clock;
    private final TranscodeRequestReader reader = new TranscodeRequestReader();
    private final UnsentResults unsent = new UnsentResults();

    public TranscodeRequestListener(Transcoder transcoder, TranscodeResultSender sender, Clock clock) {
        this.transcoder = transcoder;
        this.sender = sender;
        this.clock = clock;
    }

    @KafkaListener(id = "media-worker-requests", idIsGroup = false, topics = TranscodeTopics.REQUESTS,
            containerFactory = MediaWorkerKafkaConfiguration.CONTAINER_FACTORY)
    public void onRequest(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) {
        TranscodeRequestedEvent request;
        try {
            request = reader.read(record.value());
        } catch (UnreadableRequestException e) {
            log.error("Skipping record {} of {}-{} (key {}): {}", record.offset(), record.topic(), record.partition(),
                    record.key(), e.getMessage());
            acknowledgment.acknowledge();
            return;
        }
        if (!request.deadline().isAfter(clock.instant())) {
            log.info("Skipping video {} attempt {}: its deadline {} has passed, the saga no longer waits for it",
                    request.videoId(), request.attemptId(), request.deadline());
            acknowledgment.acknowledge();
            return;
        }
        TranscodeResultMessage result = unsent.take(request.attemptId())
                .orElseGet(() -> transcoder.transcode(request, sender::sendProgress));
        try {
            sender.send(result);
        } catch (ResultNotSentException e) {
            unsent.keep(result);
            throw e;
        }
        acknowledgment.acknowledge();
    }
}
