package io.vidlog.projection.support;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps the {@link RedisCopy copies} in Redis equal to their PostgreSQL rows without an operator.
 * <p>
 * A marker key is written before copies are (re)built. When it is gone, Redis lost its data (a {@code FLUSHALL}, a
 * restart without persistence, a new server) and every copy is rebuilt from PostgreSQL; a copy whose write failed
 * (Redis unreachable) is rebuilt once Redis answers again. Writes and rebuilds of one copy hold the same lock and
 * read PostgreSQL after the data they copy committed, so the last one to run leaves the latest committed values.
 * <p>
 * The lock is per process: with several nodes, each copy's processor must run on one node at a time (the
 * {@code rankings} and {@code taste-scores} groups have one segment; see docs/architecture.md).
 */
@Component
public class RedisCopies {

    static final String MARKER = "vidlog:read-models:marker";
    private static final Logger log = LoggerFactory.getLogger(RedisCopies.class);

    private final StringRedisTemplate redis;
    private final Map<String, RedisCopy> copies;
    private final Set<String> stale = ConcurrentHashMap.newKeySet();
    private final MeterRegistry meters;

    public RedisCopies(StringRedisTemplate redis, List<RedisCopy> copies, MeterRegistry meters) {
        this.redis = redis;
        this.copies = copies.stream().collect(Collectors.toMap(RedisCopy::name, Function.identity()));
        this.meters = meters;
    }

    /**
     * Runs one of the copy's writes (after a batch committed); when Redis fails, the whole copy is rebuilt later
     * instead.
     */
    public void write(RedisCopy copy, Runnable write) {
        synchronized (copy) {
            try {
                write.run();
            } catch (DataAccessException e) {
                if (stale.add(copy.name())) {
                    log.warn("Could not write {} to Redis ({}); the copy will be rebuilt from PostgreSQL when Redis "
                            + "answers again", copy.name(), e.getMessage());
                }
            }
        }
    }

    /** Empties a copy, as its processing group's reset does before a replay. */
    public void clear(RedisCopy copy) {
        synchronized (copy) {
            copy.clear();
            stale.remove(copy.name());
        }
    }

    /** Rebuilds what Redis lost; runs every {@code vidlog.redis-copies.check-interval}. */
    @Scheduled(fixedDelayString = "${vidlog.redis-copies.check-interval:5s}", initialDelay = 0)
    public void repair() {
        try {
            if (Boolean.FALSE.equals(redis.hasKey(MARKER))) {
                log.warn("Redis holds none of the read models (marker key missing): rebuilding {} from PostgreSQL",
                        copies.keySet());
                redis.opsForValue().set(MARKER, Instant.now().toString());
                stale.addAll(copies.keySet());
            }
            for (String name : Set.copyOf(stale)) {
                rebuild(copies.get(name));
            }
        } catch (DataAccessException e) {
            log.debug("Redis not reachable for the read-model check: {}", e.getMessage());
        }
    }

    private void rebuild(RedisCopy copy) {
        synchronized (copy) {
            long started = System.nanoTime();
            // Marked done first: a failure that happens while rebuilding marks the copy stale again.
            stale.remove(copy.name());
            try {
                copy.rebuild();
            } catch (DataAccessException e) {
                stale.add(copy.name());
                throw e;
            }
            meters.counter("vidlog.redis.copy.rebuilds", "copy", copy.name()).increment();
            log.info("Rebuilt the Redis copy of {} from PostgreSQL in {} ms", copy.name(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
