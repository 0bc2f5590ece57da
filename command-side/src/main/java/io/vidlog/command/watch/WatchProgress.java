package io.vidlog.command.watch;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.vidlog.api.engagement.EngagementIds;
import io.vidlog.api.watch.RecordWatchProgressCommand;
import io.vidlog.api.watch.VideoCompletedEvent;
import io.vidlog.api.watch.VideoViewStartedEvent;
import io.vidlog.api.watch.WatchProgressRecordedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One viewer's playback of one video, fed by the player's periodic progress reports.
 * <ul>
 *     <li>Reports arrive out of order: one whose sequence is not above the last accepted one of the session is
 *     stale and ignored, so the position never goes backwards because of the network.</li>
 *     <li>A viewing session is a run of reports without a pause longer than {@link WatchSettings#sessionGap()}; each
 *     session is one view, may complete once, and counts each second of the video at most once.</li>
 * </ul>
 * The stream grows for as long as the viewer watches, so it is snapshotted (see {@link WatchConfiguration}); the
 * state is serialised by its fields.
 */
@Aggregate(repository = "watchProgressRepository")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class WatchProgress {

    /** Players round and pad the last segment, so a report may land a little past the end. */
    static final int POSITION_TOLERANCE_SECONDS = 5;
    private static final long NO_SESSION = 0;
    private static final long NO_SEQUENCE = -1;

    @AggregateIdentifier
    private String watchId;
    private long session = NO_SESSION;
    private long lastSequence = NO_SEQUENCE;
    private int lastPosition;
    private Instant lastReportedAt;
    private boolean completedInSession;
    private WatchedIntervals watched = new WatchedIntervals();

    protected WatchProgress() {
        // for Axon: event sourcing, snapshots and CREATE_IF_MISSING all start from an empty instance
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordWatchProgressCommand command, WatchSettings settings) {
        requireValid(command);
        Instant now = GenericEventMessage.clock.instant();
        if (startsNewSession(now, settings.sessionGap())) {
            apply(new VideoViewStartedEvent(command.watchId(), command.userId(), command.videoId(), session + 1));
        } else if (isStale(command.sequence())) {
            return;
        }
        int position = command.positionSeconds();
        int watchedSecondsAdded = isContinuousPlay(position, settings.maxContinuousGap())
                ? watched.uncoveredSeconds(lastPosition, position)
                : 0;
        apply(new WatchProgressRecordedEvent(watchId, command.userId(), command.videoId(), session,
                command.sequence(), position, watchedSecondsAdded));
        if (completes(position, command.durationSeconds())) {
            apply(new VideoCompletedEvent(watchId, command.userId(), command.videoId(), session));
        }
    }

    /** The REST layer validates too; this keeps a bad report from ever becoming an event. */
    private static void requireValid(RecordWatchProgressCommand command) {
        if (!EngagementIds.watchId(command.userId(), command.videoId()).equals(command.watchId())) {
            throw new IllegalArgumentException("Watch id " + command.watchId() + " does not belong to user "
                    + command.userId() + " and video " + command.videoId());
        }
        if (command.positionSeconds() < 0 || command.sequence() < 0 || command.durationSeconds() < 0) {
            throw new IllegalArgumentException("Position, sequence and duration must not be negative");
        }
        if (command.durationSeconds() > 0
                && command.positionSeconds() > command.durationSeconds() + POSITION_TOLERANCE_SECONDS) {
            throw new IllegalArgumentException("Position " + command.positionSeconds()
                    + " s is beyond the video's duration of " + command.durationSeconds() + " s");
        }
    }

    /**
     * The first report ever starts a session, and so does one after a long pause: coming back to a video later is
     * another view. Time is Axon's event clock, the same that stamps the events.
     */
    private boolean startsNewSession(Instant now, Duration sessionGap) {
        return session == NO_SESSION || Duration.between(lastReportedAt, now).compareTo(sessionGap) > 0;
    }

    /** Retries and reports overtaken in flight repeat or precede an accepted sequence. */
    private boolean isStale(long sequence) {
        return sequence <= lastSequence;
    }

    /**
     * Only a small step forward means the seconds in between were played; a larger jump or a step back is a seek,
     * whose skipped-over seconds were not watched.
     */
    private boolean isContinuousPlay(int position, Duration maxContinuousGap) {
        int step = position - lastPosition;
        return step > 0 && step <= maxContinuousGap.toSeconds();
    }

    /** Integer arithmetic: exactly 90 % completes, without floating-point rounding. */
    private boolean completes(int position, int durationSeconds) {
        return durationSeconds > 0 && !completedInSession && 10L * position >= 9L * durationSeconds;
    }

    /**
     * A new session forgets the sequence (a new playback may restart its counter), the covered seconds and the
     * completion, but keeps the position: a viewer resuming after a pause plays on from there.
     */
    @EventSourcingHandler
    void on(VideoViewStartedEvent event) {
        watchId = event.watchId();
        session = event.session();
        lastSequence = NO_SEQUENCE;
        completedInSession = false;
        watched = new WatchedIntervals();
    }

    /**
     * Seconds were added exactly when the step from the previous position was continuous play; deciding it from the
     * event rather than from the settings keeps replays identical after the settings change.
     */
    @EventSourcingHandler
    void on(WatchProgressRecordedEvent event, @Timestamp Instant recordedAt) {
        if (event.watchedSecondsAdded() > 0) {
            watched.add(lastPosition, event.positionSeconds());
        }
        lastSequence = event.sequence();
        lastPosition = event.positionSeconds();
        lastReportedAt = recordedAt;
    }

    @EventSourcingHandler
    void on(VideoCompletedEvent event) {
        completedInSession = true;
    }
}
