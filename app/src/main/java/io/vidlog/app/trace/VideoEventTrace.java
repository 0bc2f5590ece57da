package io.vidlog.app.trace;

import io.vidlog.app.projection.ProjectionStatus;

import java.time.Instant;
import java.util.List;

/**
 * A video's most recent events, newest first, and when each projection applied each of them.
 *
 * @param projections every projection's status when the trace was taken (its position decides {@code pending})
 */
public record VideoEventTrace(String videoId, List<ProjectionStatus> projections, List<TracedEvent> events) {

    /**
     * @param type          the event's simple class name, e.g. {@code VideoReactionChangedEvent}
     * @param aggregateType {@code Video}, {@code Engagement} (a viewer's reaction and bookmark) or
     *                      {@code WatchProgress}
     * @param applied       one entry per projection, in the order of {@code projections}
     */
    public record TracedEvent(long globalIndex, String type, String payloadType, String aggregateType,
                              String aggregateId, long sequenceNumber, Instant timestamp, List<AppliedTime> applied) {
    }
}
