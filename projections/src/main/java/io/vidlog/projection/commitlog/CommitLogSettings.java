package io.vidlog.projection.commitlog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code vidlog.projections.commit-log.*}: how much of the record of committed batches is kept.
 *
 * @param maxAge     batches committed longer ago than this are forgotten
 * @param maxBatches at most this many of the newest batches are kept per processing group
 */
@ConfigurationProperties("vidlog.projections.commit-log")
public record CommitLogSettings(@DefaultValue("7d") Duration maxAge, @DefaultValue("100000") int maxBatches) {

    public CommitLogSettings {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("vidlog.projections.commit-log.max-age must be positive");
        }
        if (maxBatches < 1) {
            throw new IllegalArgumentException("vidlog.projections.commit-log.max-batches must be at least 1");
        }
    }
}
