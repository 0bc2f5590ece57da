package io.vidlog.saga.transcoding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the transcoding saga drives attempts ({@code vidlog.transcoding.*}).
 *
 * @param maxAttempts               attempts per saga run before the video is marked FAILED
 * @param retryBackoff              wait before the second attempt; doubled before each further one
 * @param attemptTimeout            how long an attempt may take for a tiny file
 * @param attemptTimeoutPerGigabyte added per GiB of source: a long film gets longer than a clip
 */
@ConfigurationProperties("vidlog.transcoding")
public record TranscodingSettings(@DefaultValue("3") int maxAttempts,
                                  @DefaultValue("10s") Duration retryBackoff,
                                  @DefaultValue("5m") Duration attemptTimeout,
                                  @DefaultValue("15m") Duration attemptTimeoutPerGigabyte) {

    private static final double BYTES_PER_GIGABYTE = 1024d * 1024 * 1024;

    public TranscodingSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("vidlog.transcoding.max-attempts must be at least 1");
        }
        if (retryBackoff.isNegative() || attemptTimeout.isNegative() || attemptTimeout.isZero() || attemptTimeoutPerGigabyte.isNegative()) {
            throw new IllegalArgumentException("vidlog.transcoding durations must not be negative, and "
                    + "attempt-timeout must be positive");
        }
    }

    Duration attemptTimeout(long sourceSizeBytes) {
        long extraMillis = Math.round(attemptTimeoutPerGigabyte.toMillis() * (sourceSizeBytes / BYTES_PER_GIGABYTE));
        return attemptTimeout.plusMillis(extraMillis);
    }

    /** The wait before attempt {@code nextAttempt} (2, 3, …). */
    Duration backoffBefore(int nextAttempt) {
        return retryBackoff.multipliedBy(1L << Math.min(nextAttempt - 2, 20));
    }
}
