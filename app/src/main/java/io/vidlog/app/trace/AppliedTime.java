package io.vidlog.app.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.vidlog.projection.commitlog.BatchCommitLog.Commit;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * When one processing group applied one event.
 *
 * @param status      see {@link Status}
 * @param appliedAt   when the group's batch holding the event committed ({@code applied} only)
 * @param delayMillis from the event's timestamp to {@code appliedAt}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppliedTime(String projection, Status status, Instant appliedAt, Long delayMillis) {

    public enum Status {
        /** The group has applied the event; {@code appliedAt} says when. */
        APPLIED,
        /** The group's position is still before the event. */
        PENDING,
        /** The group has no handler for the event's type: it passes over it. */
        SKIPPED,
        /** Applied, but the record of its batch is gone (pruned, or older than the record itself). */
        UNTRACKED;

        @JsonValue
        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param handles  whether the group has a handler for the event's type
     * @param position the group's position (global index of the last event it applied)
     * @param reaching the group's first recorded batch whose last index reached the event, if any
     */
    static AppliedTime of(String projection, long index, Instant eventTime, boolean handles, long position,
                          Optional<Commit> reaching) {
        if (!handles) {
            return new AppliedTime(projection, Status.SKIPPED, null, null);
        }
        if (position < index) {
            return new AppliedTime(projection, Status.PENDING, null, null);
        }
        return reaching.filter(commit -> commit.spans(index))
                .map(commit -> new AppliedTime(projection, Status.APPLIED, commit.committedAt(),
                        Duration.between(eventTime, commit.committedAt()).toMillis()))
                .orElseGet(() -> new AppliedTime(projection, Status.UNTRACKED, null, null));
    }
}
