package io.vidlog.projection.drift;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Recomputes a read model from the event store and reports every difference from the live one.
 * <p>
 * The events up to the group's position are applied to a {@link DriftModel}; the live values are read; then every
 * event after that position is read too, and the entities those events touch are left out: the live read model may
 * already include them, the recomputation does not. What remains must be equal.
 */
@Component
public class DriftChecker {

    private final EventStore eventStore;
    private final Map<String, DriftCheck> checks;

    DriftChecker(EventStore eventStore, List<DriftCheck> checks) {
        this.eventStore = eventStore;
        this.checks = checks.stream().collect(Collectors.toMap(DriftCheck::group, Function.identity()));
    }

    /** Whether {@code group} has a drift check. */
    public boolean supports(String group) {
        return checks.containsKey(group);
    }

    /**
     * @param position the group's current position (global index of its last applied event)
     * @param sample   how many entities to check, or null for all
     * @return empty when the group has no drift check
     */
    public Optional<DriftReport> check(String group, long position, Integer sample) {
        DriftCheck check = checks.get(group);
        if (check == null) {
            return Optional.empty();
        }
        DriftModel.Scope scope = sample == null ? DriftModel.Scope.ALL
                : new DriftModel.Scope(new HashSet<>(check.sample(sample)));
        DriftModel model = check.newModel(scope);
        Set<String> movedOn = new HashSet<>();
        Map<DriftModel.Fact, String> live;
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            drain(events, model, position, movedOn);
            live = model.live();
            // Whatever was appended while the live values were read may be in them already.
            drain(events, model, position, movedOn);
        }
        Map<DriftModel.Fact, String> expected = model.expected();
        Set<DriftModel.Fact> facts = new TreeSet<>(expected.keySet());
        facts.addAll(live.keySet());
        facts.removeIf(fact -> movedOn.contains(fact.entity()));
        List<DriftReport.Difference> differences = facts.stream()
                .filter(fact -> !Objects.equals(expected.get(fact), live.get(fact)))
                .map(fact -> new DriftReport.Difference(fact.toString(), expected.get(fact), live.get(fact)))
                .toList();
        return Optional.of(new DriftReport(group, position, scope.isAll() ? "all" : scope.entities().size()
                + " sampled", facts.size(), movedOn.size(), differences.size(),
                differences.stream().limit(DriftReport.LISTED).toList()));
    }

    private static void drain(BlockingStream<TrackedEventMessage<?>> events, DriftModel model, long position,
                              Set<String> movedOn) {
        while (events.hasNextAvailable()) {
            TrackedEventMessage<?> event = nextOf(events);
            long index = event.trackingToken().position().orElse(Long.MAX_VALUE);
            if (index <= position) {
                model.apply(event.getPayload());
            } else {
                String entity = model.entityOf(event.getPayload());
                if (entity != null) {
                    movedOn.add(entity);
                }
            }
        }
    }

    private static TrackedEventMessage<?> nextOf(BlockingStream<TrackedEventMessage<?>> events) {
        try {
            return events.nextAvailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Drift check interrupted", e);
        }
    }
}
