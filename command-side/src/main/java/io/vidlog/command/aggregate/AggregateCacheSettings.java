package io.vidlog.command.aggregate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The in-process cache of aggregates ({@code vidlog.commands.aggregate-cache.*}): a command on an aggregate this node
 * handled recently starts from the instance in memory instead of reading its events (and snapshot) again.
 *
 * @param enabled           {@code false}: every command loads its aggregate from the event store (Axon's default)
 * @param maxEntries        aggregates kept per aggregate type; the least recently used go first
 * @param expireAfterAccess an aggregate not used for this long is dropped (a viewer who stopped watching)
 */
@ConfigurationProperties("vidlog.commands.aggregate-cache")
public record AggregateCacheSettings(@DefaultValue("true") boolean enabled,
                                     @DefaultValue("50000") long maxEntries,
                                     @DefaultValue("30m") Duration expireAfterAccess) {

    public AggregateCacheSettings {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("vidlog.commands.aggregate-cache.max-entries must be at least 1");
        }
        if (expireAfterAccess == null || expireAfterAccess.isNegative() || expireAfterAccess.isZero()) {
            throw new IllegalArgumentException("vidlog.commands.aggregate-cache.expire-after-access must be positive");
        }
    }
}
