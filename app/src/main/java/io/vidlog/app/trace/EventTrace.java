package io.vidlog.app.trace;

import io.vidlog.app.projection.ProjectionOperations;
import io.vidlog.app.projection.ProjectionStatus;
import io.vidlog.app.trace.VideoEventTrace.TracedEvent;
import io.vidlog.projection.commitlog.BatchCommitLog;
import io.vidlog.projection.commitlog.BatchCommitLog.Commit;
import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a video's events from the event store, across its aggregates (the Video, and each viewer's Engagement and
 * WatchProgress), and tells for each projection when it applied them, from the {@link BatchCommitLog}.
 */
@Component
class EventTrace {

    private record StoredEvent(long globalIndex, String aggregateType, String aggregateId, long sequenceNumber,
                               String payloadType, Instant timestamp) {
    }

    /**
     * Newest first: the Video aggregate's own stream through its key, the viewers' aggregates through the index of
     * migration V2 (its expression is repeated here verbatim so that PostgreSQL uses it).
     */
    static final String NEWEST_EVENTS = """
            select global_index, type, aggregate_identifier, sequence_number, payload_type, time_stamp from (
                (select * from domain_event_entry where aggregate_identifier = ?
                 order by sequence_number desc limit ?)
                union all
                (select * from domain_event_entry
                 where substring(aggregate_identifier from ':([^:]+)(?::watch)?$') = ?
                 order by global_index desc limit ?)
            ) events order by global_index desc limit ?""";

    private final JdbcTemplate jdbc;
    private final BatchCommitLog commits;
    private final ProjectionOperations projections;

    EventTrace(JdbcTemplate jdbc, BatchCommitLog commits, ProjectionOperations projections) {
        this.jdbc = jdbc;
        this.commits = commits;
        this.projections = projections;
    }

    /** The video's newest {@code limit} events; empty when the store has none for it. */
    Optional<VideoEventTrace> of(String videoId, int limit) {
        List<StoredEvent> events = jdbc.query(NEWEST_EVENTS, (rs, n) -> new StoredEvent(rs.getLong("global_index"),
                        rs.getString("type"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                        rs.getString("payload_type"), DateTimeUtils.parseInstant(rs.getString("time_stamp"))),
                videoId, limit, videoId, limit, limit);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        List<ProjectionStatus> statuses = projections.all();
        Map<String, Map<Long, Commit>> reaching = commits.firstCommitsReaching(
                statuses.stream().map(ProjectionStatus::name).toList(),
                events.stream().map(StoredEvent::globalIndex).toList());
        List<TracedEvent> traced = events.stream().map(event -> {
            Class<?> payloadType = payloadType(event.payloadType());
            List<AppliedTime> applied = statuses.stream().map(status -> AppliedTime.of(status.name(),
                    event.globalIndex(), event.timestamp(),
                    payloadType != null && projections.handles(status.name(), payloadType), status.position(),
                    Optional.ofNullable(reaching.getOrDefault(status.name(), Map.of()).get(event.globalIndex()))))
                    .toList();
            return new TracedEvent(event.globalIndex(), simpleName(event.payloadType()), event.payloadType(),
                    event.aggregateType(), event.aggregateId(), event.sequenceNumber(), event.timestamp(), applied);
        }).toList();
        return Optional.of(new VideoEventTrace(videoId, statuses, traced));
    }

    /** An event type this build no longer has cannot be handled by any projection. */
    private Class<?> payloadType(String name) {
        try {
            return Class.forName(name, false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
