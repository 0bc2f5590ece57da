package io.vidlog.command.aggregate;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Objects;

/**
 * Axon's caching repository, made safe for several nodes writing the same aggregates.
 * <p>
 * A cached aggregate is stale when another node has appended events to it since. A command that <em>changes</em> a
 * stale aggregate is caught by the event store: its first event takes a sequence number that is already used, the
 * unique key (aggregate id, sequence number) rejects the append with a {@link ConcurrencyException}, Axon's caching
 * repository evicts the aggregate on the rollback, and the command gateway's retry loads it afresh. A command that
 * decides, on the stale state, that there is <em>nothing to do</em> (set semantics: LIKE on what it believes is
 * already a LIKE) appends nothing and would silently lose the user's intent. So when a command on a cached aggregate
 * ends without events, its version is compared with the event store's before the unit of work commits; if another
 * node got ahead, the same {@link ConcurrencyException} sends it round the eviction and retry. Commands that change
 * the aggregate, the common case, cost no extra query.
 */
final class VerifiedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final EventStore eventStore;

    VerifiedCachingRepository(EventSourcingRepository.Builder<T> builder, Cache cache, EventStore eventStore) {
        super(builder.cache(cache).eventStore(eventStore));
        this.cache = cache;
        this.eventStore = eventStore;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        // This node holds the aggregate's lock, so nothing else puts or removes it between here and the load.
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached) {
            Long cachedVersion = aggregate.version();
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                if (Objects.equals(aggregate.version(), cachedVersion)) {
                    requireLatest(aggregateIdentifier, cachedVersion);
                }
            });
        }
        return aggregate;
    }

    private void requireLatest(String aggregateIdentifier, Long cachedVersion) {
        Long stored = eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null);
        if (!Objects.equals(stored, cachedVersion)) {
            throw new ConcurrencyException("Aggregate " + aggregateIdentifier + " was changed elsewhere (version "
                    + stored + ", cached " + cachedVersion + "); the command is repeated on the latest state");
        }
    }
}
