package io.vidlog.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code vidlog.projections.*}.
 *
 * @param minBatchInterval the shortest time between the starts of two batches of one processing group (see
 *                         {@code BatchPacing}); {@code 0} starts a batch as soon as an event arrives
 */
@ConfigurationProperties("vidlog.projections")
public record ProjectionSettings(@DefaultValue("20ms") Duration minBatchInterval) {

    public ProjectionSettings {
        if (minBatchInterval == null || minBatchInterval.isNegative()) {
            throw new IllegalArgumentException("vidlog.projections.min-batch-interval must be 0 or more");
        }
    }
}
