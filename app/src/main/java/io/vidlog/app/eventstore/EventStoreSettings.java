package io.vidlog.app.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vidlog.event-store.*}; binding it rejects an unknown engine at start-up instead of falling back silently.
 *
 * @param engine which of Axon's storage engines writes and reads the events (see {@link EventStorageConfiguration})
 */
@ConfigurationProperties("vidlog.event-store")
public record EventStoreSettings(@DefaultValue("jdbc") Engine engine) {

    public enum Engine {
        /** Axon's JDBC engine, configured by {@link EventStorageConfiguration}. */
        JDBC,
        /** Axon's JPA engine, as its Spring Boot auto-configuration sets it up. */
        JPA
    }
}
