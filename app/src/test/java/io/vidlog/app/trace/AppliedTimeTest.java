package io.vidlog.app.trace;

import io.vidlog.app.trace.AppliedTime.Status;
import io.vidlog.projection.commitlog.BatchCommitLog.Commit;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedTimeTest {

    private static final Instant EVENT_TIME = Instant.parse("2025-05-01T10:00:00Z");
    private static final Instant COMMITTED = Instant.parse("2025-05-01T10:00:00.035Z");

    @Test
    void anEventInsideTheFirstBatchThatReachedItWasAppliedWhenThatBatchCommitted() {
        AppliedTime applied = AppliedTime.of("video-metadata", 42, EVENT_TIME, true, 50,
                Optional.of(new Commit(40, 45, COMMITTED)));

        assertThat(applied).isEqualTo(new AppliedTime("video-metadata", Status.APPLIED, COMMITTED, 35L));
    }

    @Test
    void anEventAtEitherEndOfTheBatchCounts() {
        Commit batch = new Commit(40, 45, COMMITTED);

        assertThat(AppliedTime.of("rankings", 40, EVENT_TIME, true, 45, Optional.of(batch)).status())
                .isEqualTo(Status.APPLIED);
        assertThat(AppliedTime.of("rankings", 45, EVENT_TIME, true, 45, Optional.of(batch)).status())
                .isEqualTo(Status.APPLIED);
    }

    @Test
    void anEventBeyondTheGroupsPositionIsPendingWhateverTheRecordSays() {
        AppliedTime pending = AppliedTime.of("rankings", 42, EVENT_TIME, true, 41,
                Optional.of(new Commit(40, 45, COMMITTED)));

        assertThat(pending).isEqualTo(new AppliedTime("rankings", Status.PENDING, null, null));
    }

    @Test
    void anEventTypeWithoutHandlerInTheGroupIsSkippedEvenBeforeTheGroupGetsThere() {
        assertThat(AppliedTime.of("taste-scores", 42, EVENT_TIME, false, 10, Optional.empty()).status())
                .isEqualTo(Status.SKIPPED);
    }

    @Test
    void aBatchThatStartsAfterTheEventDoesNotSayWhenItWasApplied() {
        AppliedTime pruned = AppliedTime.of("video-metadata", 42, EVENT_TIME, true, 90,
                Optional.of(new Commit(60, 90, COMMITTED)));

        assertThat(pruned).isEqualTo(new AppliedTime("video-metadata", Status.UNTRACKED, null, null));
    }

    @Test
    void anAppliedEventWithoutAnyRecordIsUntracked() {
        assertThat(AppliedTime.of("video-metadata", 42, EVENT_TIME, true, 90, Optional.empty()).status())
                .isEqualTo(Status.UNTRACKED);
    }
}
