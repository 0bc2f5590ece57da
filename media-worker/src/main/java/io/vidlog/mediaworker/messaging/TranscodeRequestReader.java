package io.vidlog.mediaworker.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vidlog.api.transcode.TranscodeRequestedEvent;

import java.io.IOException;

/** Reads the value of a request record: the JSON of a {@link TranscodeRequestedEvent}, as Axon serialized it. */
final class TranscodeRequestReader {

    private final ObjectMapper json = MessageJson.mapper();

    TranscodeRequestedEvent read(byte[] value) throws UnreadableRequestException {
        if (value == null) {
            throw new UnreadableRequestException("no value");
        }
        TranscodeRequestedEvent request;
        try {
            request = json.readValue(value, TranscodeRequestedEvent.class);
        } catch (IOException e) {
            throw new UnreadableRequestException("not the JSON of a transcode request: " + e.getMessage());
        }
        if (request.videoId() == null || request.attemptId() == null || request.sourceKey() == null
                || request.outputPrefix() == null || request.deadline() == null) {
            throw new UnreadableRequestException("a transcode request without video id, attempt id, source key, "
                    + "output prefix or deadline");
        }
        return request;
    }
}
