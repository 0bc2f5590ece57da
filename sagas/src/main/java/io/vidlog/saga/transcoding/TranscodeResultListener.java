package io.vidlog.saga.transcoding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vidlog.api.transcode.CompleteTranscodeCommand;
import io.vidlog.api.transcode.FailTranscodeCommand;
import io.vidlog.api.transcode.RecordTranscodeProgressCommand;
import io.vidlog.api.transcode.TranscodeResultMessage;
import io.vidlog.api.transcode.TranscodeTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Turns the media worker's reports into commands on the Video aggregate. Kafka delivers at least once, so the same
 * report may come twice or after a newer attempt started: the aggregate ignores what is not news, and the offset is
 * committed only after the command went through, so a crash here means the report is read again.
 */
@Component
class TranscodeResultListener {

    /** The consumer group of the application nodes reading results: each result is turned into a command once. */
    static final String GROUP_ID = "vidlog-transcode-results";

    private static final Logger log = LoggerFactory.getLogger(TranscodeResultListener.class);

    private final CommandGateway commands;
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    TranscodeResultListener(CommandGateway commands) {
        this.commands = commands;
    }

    @KafkaListener(topics = TranscodeTopics.RESULTS, groupId = GROUP_ID,
            containerFactory = TranscodeKafkaConfiguration.RESULTS_CONTAINER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        TranscodeResultMessage result;
        try {
            result = json.readValue(record.value(), TranscodeResultMessage.class);
        } catch (JsonProcessingException e) {
            log.error("Skipping an unreadable transcode result at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getOriginalMessage());
            return;
        }
        if (result.videoId() == null || result.attemptId() == null || result.outcome() == null) {
            log.error("Skipping a transcode result without video, attempt or outcome: {}", record.value());
            return;
        }
        try {
            commands.sendAndWait(commandFor(result));
        } catch (AggregateNotFoundException e) {
            log.warn("Skipping a transcode result for unknown video {}", result.videoId());
        }
    }

    private static Object commandFor(TranscodeResultMessage result) {
        return switch (result.outcome()) {
            case PROGRESS -> new RecordTranscodeProgressCommand(result.videoId(), result.attemptId(),
                    result.percent() == null ? 0 : result.percent());
            case SUCCEEDED -> new CompleteTranscodeCommand(result.videoId(), result.attemptId(),
                    result.durationSeconds() == null ? 0 : result.durationSeconds(), result.manifestKey(),
                    result.posterKey(), result.renditions() == null ? List.of() : result.renditions());
            case FAILED -> new FailTranscodeCommand(result.videoId(), result.attemptId(),
                    result.reason() == null ? "unknown failure" : result.reason(),
                    !Boolean.FALSE.equals(result.retryable()));
        };
    }
}
