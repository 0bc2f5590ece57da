package io.vidlog.command.aggregate;

import io.vidlog.api.engagement.ClearVideoReactionCommand;
import io.vidlog.api.engagement.EngagementIds;
import io.vidlog.api.engagement.ReactToVideoCommand;
import io.vidlog.api.engagement.Reaction;
import io.vidlog.api.engagement.VideoReactionChangedEvent;
import io.vidlog.command.engagement.Engagement;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.AxonTransientException;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes, each with its own aggregate cache, writing the same Engagement through one event store that,
 * like PostgreSQL's, rejects a second event with the same (aggregate id, sequence number).
 */
class VerifiedCachingRepositoryTest {

    private static final String USER = "ana";
    private static final String VIDEO = "3f2a52c4-8d7e-4d0e-9a4f-1c2b3d4e5f60";
    private static final String ENGAGEMENT = EngagementIds.engagementId(USER, VIDEO);

    private final UniqueSequenceStorageEngine storage = new UniqueSequenceStorageEngine();
    private final EventStore eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final List<Configuration> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Configuration::shutdown);
        retries.shutdownNow();
    }

    @Test
    void aNoOpDecidedOnAStaleCachedAggregateIsRepeatedOnTheLatestState() {
        CommandGateway nodeA = node(true);
        CommandGateway nodeB = node(true);
        nodeA.sendAndWait(ReactToVideoCommand.of(USER, VIDEO, Reaction.LIKE));
        nodeB.sendAndWait(ClearVideoReactionCommand.of(USER, VIDEO));

        // Node A's cached copy still says LIKE, so on its own it would find nothing to do.
        nodeA.sendAndWait(ReactToVideoCommand.of(USER, VIDEO, Reaction.LIKE));

        assertThat(reactionChanges()).containsExactly("NONE->LIKE", "LIKE->NONE", "NONE->LIKE");
    }

    @Test
    void aChangeDecidedOnAStaleCachedAggregateConflictsAndIsRepeatedOnTheLatestState() {
        CommandGateway nodeA = node(true);
        CommandGateway nodeB = node(true);
        nodeA.sendAndWait(ReactToVideoCommand.of(USER, VIDEO, Reaction.LIKE));
        nodeB.sendAndWait(ReactToVideoCommand.of(USER, VIDEO, Reaction.DISLIKE));

        nodeA.sendAndWait(ReactToVideoCommand.of(USER, VIDEO, Reaction.SUPERLIKE));

        assertThat(reactionChanges()).containsExactly("NONE->LIKE", "LIKE->DISLIKE", "DISLIKE->SUPERLIKE");
    }

    @Test
    void aCachedAggregateIsNotReadFromTheEventStoreAgain() {
        CommandGateway node = node(true);
        node.sendAndWait(ReactToVideoCommand.of(USER, VIDEO, Reaction.LIKE));
        node.sendAndWait(ReactToVideoCommand.of(USER, VIDEO, Reaction.DISLIKE));
        node.sendAndWait(ReactToVideoCommand.of(USER, VIDEO, Reaction.DISLIKE));
        node.sendAndWait(ClearVideoReactionCommand.of(USER, VIDEO));

        assertThat(storage.aggregateReads.get()).as("only the first command looks for the new aggregate").isEqualTo(1);
        assertThat(reactionChanges()).containsExactly("NONE->LIKE", "LIKE->DISLIKE", "DISLIKE->NONE");
    }

    @Test
    void withoutTheCacheEveryCommandReadsTheEventStore() {
        CommandGateway node = node(false);
        node.sendAndWait(ReactToVideoCommand.of(USER, VIDEO, Reaction.LIKE));
        node.sendAndWait(ReactToVideoCommand.of(USER, VIDEO, Reaction.DISLIKE));

        assertThat(storage.aggregateReads.get()).isEqualTo(2);
    }

    /** A node: its own Axon configuration and repository (cache), the shared event store, production's retry rule. */
    private CommandGateway node(boolean cacheEnabled) {
        AggregateRepositories repositories =
                new AggregateRepositories(new AggregateCacheSettings(cacheEnabled, 100, Duration.ofMinutes(5)));
        Configuration node = DefaultConfigurer.defaultConfiguration()
                .configureEventStore(c -> eventStore)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Engagement.class)
                        .configureRepository(c -> repositories.create(Engagement.class, c,
                                NoSnapshotTriggerDefinition.INSTANCE)))
                .buildConfiguration();
        node.start();
        nodes.add(node);
        return DefaultCommandGateway.builder()
                .commandBus(node.commandBus())
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(retries)
                        .nonTransientFailurePredicate(failure -> !(failure instanceof AxonTransientException))
                        .maxRetryCount(3)
                        .retryInterval(10)
                        .build())
                .build();
    }

    private List<String> reactionChanges() {
        List<String> changes = new ArrayList<>();
        storage.readEventsUncounted(ENGAGEMENT).asStream()
                .map(event -> (VideoReactionChangedEvent) event.getPayload())
                .forEach(change -> changes.add(change.from() + "->" + change.to()));
        return changes;
    }

    /** In memory, but with the relational event store's unique (aggregate id, sequence number) key. */
    static final class UniqueSequenceStorageEngine extends InMemoryEventStorageEngine {

        final AtomicInteger aggregateReads = new AtomicInteger();

        @Override
        public synchronized void appendEvents(List<? extends EventMessage<?>> events) {
            Map<String, Long> next = new HashMap<>();
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domainEvent) {
                    String aggregate = domainEvent.getAggregateIdentifier();
                    long expected = next.computeIfAbsent(aggregate,
                            id -> lastSequenceNumberFor(id).map(last -> last + 1).orElse(0L));
                    if (domainEvent.getSequenceNumber() != expected) {
                        throw new ConcurrencyException("Sequence number " + domainEvent.getSequenceNumber()
                                + " of " + aggregate + " is taken");
                    }
                    next.put(aggregate, expected + 1);
                }
            }
            super.appendEvents(events);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            aggregateReads.incrementAndGet();
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return readEventsUncounted(aggregateIdentifier).asStream()
                    .reduce((first, second) -> second)
                    .map(DomainEventMessage::getSequenceNumber);
        }

        DomainEventStream readEventsUncounted(String aggregateIdentifier) {
            return super.readEvents(aggregateIdentifier, 0);
        }
    }
}
