package io.vidlog.mediaworker.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of the Kafka messages between the saga and the worker. The worker has a mapper of its own, not the
 * application's, so that its wire format does not change with the application's Jackson settings.
 */
final class MessageJson {

    private MessageJson() {
    }

    /**
     * Instants are read as ISO strings or as seconds since the epoch (whichever Axon's serializer writes), and fields
     * the worker does not know are skipped, so the saga's events can grow without breaking running workers.
     */
    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
