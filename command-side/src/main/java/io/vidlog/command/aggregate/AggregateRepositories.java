package io.vidlog.command.aggregate;

import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositorySpanFactory;

/**
 * Builds the event-sourcing repository of an aggregate type as Axon's configurer would, with the handler parameter
 * resolution of the application (Spring beans as handler parameters), plus the aggregate cache when it is enabled.
 */
public final class AggregateRepositories {

    private final AggregateCacheSettings settings;

    public AggregateRepositories(AggregateCacheSettings settings) {
        this.settings = settings;
    }

    public <T> Repository<T> create(Class<T> aggregateType, Configuration axon,
                                    SnapshotTriggerDefinition snapshotTrigger) {
        EventSourcingRepository.Builder<T> builder = EventSourcingRepository.builder(aggregateType)
                .eventStore(axon.eventStore())
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(aggregateType))
                .spanFactory(axon.getComponent(RepositorySpanFactory.class))
                .repositoryProvider(axon::repository)
                .snapshotTriggerDefinition(snapshotTrigger);
        if (!settings.enabled()) {
            return builder.build();
        }
        return new VerifiedCachingRepository<>(builder,
                new BoundedCache(settings.maxEntries(), settings.expireAfterAccess()), axon.eventStore());
    }
}
