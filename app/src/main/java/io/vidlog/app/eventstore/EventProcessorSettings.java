package io.vidlog.app.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code vidlog.event-processors.*}.
 *
 * @param minBatchInterval the shortest time between the starts of two batches of one tracking processor (see
 *                         {@link PacedEventSource}); {@code 0} starts a batch as soon as an event arrives
 */
@ConfigurationProperties("vidlog.event-processors")
public record EventProcessorSettings(@DefaultValue("20ms") Duration minBatchInterval) {

    public EventProcessorSettings {
        if (minBatchInterval == null || minBatchInterval.isNegative()) {
            throw new IllegalArgumentException("vidlog.event-processors.min-batch-interval must be 0 or more");
        }
    }
}
