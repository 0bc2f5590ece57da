package io.vidlog.app.eventstore;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vidlog.event-store.*}; binding it rejects an unknown engine at start-up instead of falling back silently.
 *
 * @param engine         which of Axon's storage engines writes and reads the events (see
 *                       {@link EventStorageConfiguration})
 * @param readBatchSize  how many events the JDBC engine reads per query, for a processor's stream or an aggregate's
 *                       history (Axon's default is 100: a processor taking batches of 1,000 events would query ten
 *                       times per batch)
 */
@ConfigurationProperties("vidlog.event-store")
@Validated
public record EventStoreSettings(@DefaultValue("jdbc") Engine engine,
                                 @DefaultValue("1000") @Positive int readBatchSize) {

    public enum Engine {
        /** Axon's JDBC engine, configured by {@link EventStorageConfiguration}. */
        JDBC,
        /** Axon's JPA engine, as its Spring Boot auto-configuration sets it up. */
        JPA
    }
}
