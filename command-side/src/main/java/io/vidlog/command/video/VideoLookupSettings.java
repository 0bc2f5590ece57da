package io.vidlog.command.video;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The in-process cache of {@link VideoAvailabilityCheck} ({@code vidlog.commands.video-lookup-cache.*}). Only READY
 * and DELETED videos are cached; a deletion on this node takes effect in the cache before it commits.
 *
 * @param enabled    {@code false}: every engagement command reads the video's status from the database
 * @param ttl        how long a cached status is used; also the longest a video deleted on <em>another</em> node stays
 *                   reactable on this one
 * @param maxEntries videos whose status is kept
 */
@ConfigurationProperties("vidlog.commands.video-lookup-cache")
public record VideoLookupSettings(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("30s") Duration ttl,
                                  @DefaultValue("100000") long maxEntries) {

    public VideoLookupSettings {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("vidlog.commands.video-lookup-cache.ttl must be positive");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("vidlog.commands.video-lookup-cache.max-entries must be at least 1");
        }
    }
}
