package io.vidlog.command.aggregate;

import io.vidlog.command.engagement.Engagement;
import io.vidlog.command.video.Video;
import io.vidlog.command.watch.WatchProgress;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The repositories of the command side's aggregates, referenced by name from their {@code @Aggregate} annotations:
 * one place decides how aggregates are loaded (cache, snapshots).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AggregateCacheSettings.class)
public class AggregateRepositoryConfiguration {

    @Bean
    AggregateRepositories aggregateRepositories(AggregateCacheSettings settings) {
        return new AggregateRepositories(settings);
    }

    @Bean
    Repository<Engagement> engagementRepository(AggregateRepositories repositories, Configuration axon) {
        return repositories.create(Engagement.class, axon, NoSnapshotTriggerDefinition.INSTANCE);
    }

    @Bean
    Repository<WatchProgress> watchProgressRepository(AggregateRepositories repositories, Configuration axon,
            @Qualifier("watchProgressSnapshotTrigger") SnapshotTriggerDefinition watchProgressSnapshotTrigger) {
        return repositories.create(WatchProgress.class, axon, watchProgressSnapshotTrigger);
    }

    @Bean
    Repository<Video> videoRepository(AggregateRepositories repositories, Configuration axon) {
        return repositories.create(Video.class, axon, NoSnapshotTriggerDefinition.INSTANCE);
    }
}
