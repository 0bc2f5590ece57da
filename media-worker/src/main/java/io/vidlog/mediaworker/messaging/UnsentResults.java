package io.vidlog.mediaworker.messaging;

import io.vidlog.api.transcode.TranscodeResultMessage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Results that Kafka did not take, by attempt id. When their request comes back to this worker, the result is sent
 * again instead of transcoding the whole video again. Bounded: a request that went to another worker meanwhile never
 * takes its result back out.
 */
final class UnsentResults {

    private static final int CAPACITY = 16;

    private final Map<String, TranscodeResultMessage> results = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TranscodeResultMessage> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void keep(TranscodeResultMessage result) {
        results.put(result.attemptId(), result);
    }

    synchronized Optional<TranscodeResultMessage> take(String attemptId) {
        return Optional.ofNullable(results.remove(attemptId));
    }
}
