package io.vidlog.command.aggregate;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedCacheTest {

    private final BoundedCache cache = new BoundedCache(100, Duration.ofMinutes(5));

    @Test
    void holdsWhatWasPutUntilItIsRemoved() {
        cache.put("a", "first");
        cache.put("a", "second");

        assertThat(cache.<String, String>get("a")).isEqualTo("second");
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.<String, String>get("a")).isNull();
        assertThat(cache.remove("a")).isFalse();
    }

    @Test
    void keepsNoMoreThanItsMaximumOfEntries() {
        for (int i = 0; i < 1_000; i++) {
            cache.put("aggregate-" + i, i);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void putIfAbsentAndComputeIfPresentLeaveOtherWritersAlone() {
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        cache.<Integer>computeIfPresent("a", value -> value + 10);
        cache.<Integer>computeIfPresent("b", value -> value + 10);

        assertThat(cache.<String, Integer>get("a")).isEqualTo(11);
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.<Integer>computeIfAbsent("b", () -> 5)).isEqualTo(5);
    }

    @Test
    void tellsRegisteredListenersAboutChangesUntilDeregistered() {
        List<String> seen = new ArrayList<>();
        var registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                seen.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                seen.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                seen.add("removed " + key);
            }
        });
        cache.put("a", 1);
        cache.put("a", 2);
        cache.remove("a");
        registration.cancel();
        cache.put("b", 1);

        assertThat(seen).containsExactly("created a", "updated a", "removed a");
    }
}
