package io.vidlog.app.projection;

import io.vidlog.projection.ProcessingGroups;
import io.vidlog.projection.commitlog.BatchCommitLog;
import io.vidlog.projection.drift.DriftChecker;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Status and replay of the projections' processing groups, on Axon's streaming processors. Positions are global
 * event indexes; the speed comes from positions sampled every second over the last {@value #RATE_WINDOW} seconds.
 */
@Component
public class ProjectionOperations {

    private static final Logger log = LoggerFactory.getLogger(ProjectionOperations.class);
    private static final int RATE_WINDOW = 10;

    private record Sample(long nanos, long position) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final BatchCommitLog commits;
    private final DriftChecker drift;
    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();

    ProjectionOperations(EventProcessingConfiguration processing, EventStore eventStore, BatchCommitLog commits,
                         DriftChecker drift) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.commits = commits;
        this.drift = drift;
    }

    public List<ProjectionStatus> all() {
        long head = head();
        return ProcessingGroups.ALL.stream().map(name -> status(name, processor(name).orElseThrow(), head)).toList();
    }

    public Optional<ProjectionStatus> one(String name) {
        return processor(name).map(processor -> status(name, processor, head()));
    }

    /**
     * Rebuilds the group from the first event: stops it, resets its tokens (its reset handlers empty the read model)
     * and starts it again. Events appended meanwhile are applied as the replay reaches them; once it passes the
     * position the reset started from, the group is live again.
     *
     * @return false if there is no such group
     */
    public synchronized boolean replay(String name) {
        Optional<StreamingEventProcessor> found = processor(name);
        if (found.isEmpty()) {
            return false;
        }
        StreamingEventProcessor processor = found.get();
        if (!processor.supportsReset()) {
            throw new IllegalStateException(name + " cannot be replayed: it has handlers that do not support it");
        }
        log.info("Replay of {} requested: stopping it, resetting its tokens, starting it again", name);
        processor.shutdownAsync().join();
        try {
            processor.resetTokens();
            commits.forget(name);
        } finally {
            // A reset that failed (its read model's store unreachable) leaves the group as it was: running.
            processor.start();
        }
        samples.remove(name);
        return true;
    }

    /** Events between the processor's position (the lowest over its segments) and the event store's head. */
    long lag(StreamingEventProcessor processor) {
        return lag(head(), position(processor.processingStatus().values()).orElse(-1));
    }

    private static long lag(long head, long position) {
        return Math.max(0, head - position);
    }

    /** Whether the group has a handler for events of {@code payloadType}; a processor passes over the others. */
    public boolean handles(String name, Class<?> payloadType) {
        return processing.eventProcessor(name, AbstractEventProcessor.class)
                .map(processor -> processor.eventHandlerInvoker().canHandleType(payloadType)).orElse(false);
    }

    /** Samples every group's position for {@code eventsPerSecond}. */
    @Scheduled(fixedRate = 1000)
    void sample() {
        long now = System.nanoTime();
        for (String name : ProcessingGroups.ALL) {
            processor(name).ifPresent(processor -> position(processor.processingStatus().values()).ifPresent(at -> {
                Deque<Sample> recent = samples.computeIfAbsent(name, key -> new ArrayDeque<>());
                synchronized (recent) {
                    recent.addLast(new Sample(now, at));
                    while (recent.size() > RATE_WINDOW + 1) {
                        recent.removeFirst();
                    }
                }
            }));
        }
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long position = position(segments).orElse(-1);
        boolean replaying = processor.isReplaying();
        long lag = lag(head, position);
        double progress = progress(segments, position, head, replaying);
        Double rate = rate(name);
        Long eta = lag == 0 || rate == null || rate <= 0 ? null : Math.round(lag / rate);
        String error = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(segment -> String.valueOf(segment.getError())).findFirst().orElse(null);
        String state = error != null ? "error" : !processor.isRunning() ? "stopped" : replaying ? "replaying"
                : "running";
        return new ProjectionStatus(name, state, position, head, lag, replaying, progress, rate, eta,
                eta == null ? null : Duration.ofSeconds(eta).toString(), error, drift.supports(name));
    }

    private static double progress(Collection<EventTrackerStatus> segments, long position, long head,
                                   boolean replaying) {
        if (replaying) {
            long resetAt = segments.stream().map(EventTrackerStatus::getResetPosition)
                    .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max().orElse(head);
            return resetAt <= 0 ? 1 : Math.min(1, Math.max(0, position) / (double) resetAt);
        }
        return head <= 0 ? 1 : Math.min(1, Math.max(0, position) / (double) head);
    }

    private Double rate(String name) {
        Deque<Sample> recent = samples.get(name);
        if (recent == null) {
            return null;
        }
        synchronized (recent) {
            if (recent.size() < 2) {
                return null;
            }
            Sample first = recent.getFirst();
            Sample last = recent.getLast();
            return (last.position() - first.position()) / ((last.nanos() - first.nanos()) / 1e9);
        }
    }

    /** The lowest position over the segments: everything before it is applied in all of them. */
    private static OptionalLong position(Collection<EventTrackerStatus> segments) {
        return segments.stream().map(EventTrackerStatus::getCurrentPosition).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).min();
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return ProcessingGroups.ALL.contains(name)
                ? processing.eventProcessor(name, StreamingEventProcessor.class) : Optional.empty();
    }
}
