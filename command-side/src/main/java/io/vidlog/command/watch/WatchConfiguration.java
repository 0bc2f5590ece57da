package io.vidlog.command.watch;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Watch progress wiring. A viewer's WatchProgress stream grows by a few events every ten seconds of playback, for
 * ever; snapshots keep loading it cheap (chosen over one aggregate per viewing session because the session is
 * decided by the aggregate itself from the time of the previous report, which the caller does not know).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WatchSettings.class)
public class WatchConfiguration {

    /** Used by the {@link WatchProgress} repository (see {@code AggregateRepositoryConfiguration}). */
    @Bean
    public SnapshotTriggerDefinition watchProgressSnapshotTrigger(Snapshotter snapshotter, WatchSettings settings) {
        if (settings.snapshotThreshold() == WatchSettings.NO_SNAPSHOTS) {
            return NoSnapshotTriggerDefinition.INSTANCE;
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotThreshold());
    }
}
