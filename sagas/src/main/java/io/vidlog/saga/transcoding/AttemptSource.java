package io.vidlog.saga.transcoding;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Ids and start times of transcode attempts: a bean of its own, so saga tests can make both predictable. */
@Component
public class AttemptSource {

    public String newAttemptId() {
        return UUID.randomUUID().toString();
    }

    public Instant now() {
        return Instant.now();
    }
}
