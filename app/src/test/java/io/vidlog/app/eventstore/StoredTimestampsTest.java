package io.vidlog.app.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class StoredTimestampsTest {

    /** 0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z: every instant Axon writes in the fixed layout. */
    private static final long FIRST_MILLI = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    private static final long LAST_MILLI = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n = 0; n < 100_000; n++) {
            long millis = n % 2 == 0 ? random.nextLong(FIRST_MILLI, LAST_MILLI + 1)
                    : System.currentTimeMillis() + random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
            assertSameOutcome(DateTimeUtils.formatInstant(Instant.ofEpochMilli(millis)));
        }
    }

    @Test
    void leavesEveryOtherTextToAxonsParser() {
        Stream.of("2026-12-02T03:16:22.123Z", "2024-02-29T23:59:59.999Z", "0000-01-01T00:00:00.000Z",
                        "2023-02-29T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-00-10T00:00:00.000Z",
                        "2026-04-31T00:00:00.000Z", "2026-12-02T24:00:00.000Z", "2026-12-02T23:60:00.000Z",
                        "2026-12-02T23:59:60.000Z", "2026-12-02t03:16:22.123z", "2026-12-02T03:16:22.123+02:00",
                        "2026-12-02T03:16:22.123456789Z", "2026-12-02T03:16:22Z", "+12026-12-02T03:16:22.123Z",
                        "2026-12-02T03:16:2x.123Z", "2026-12-02 03:16:22.123Z", "2026-1a-02T03:16:22.123Z",
                        "-0001-12-31T23:59:59.999Z", "", "not a timestamp at all!!")
                .forEach(StoredTimestampsTest::assertSameOutcome);
    }

    private static void assertSameOutcome(String text) {
        assertThat(outcome(text, true)).as(text).isEqualTo(outcome(text, false));
    }

    private static String outcome(String text, boolean ours) {
        try {
            return "instant " + (ours ? StoredTimestamps.parse(text) : DateTimeUtils.parseInstant(text));
        } catch (RuntimeException e) {
            return "rejected";
        }
    }
}
