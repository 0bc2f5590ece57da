package io.vidlog.command.watch;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
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

    /** Referenced by name from {@link WatchProgress}'s {@code @Aggregate}. */
    @Bean
    public SnapshotTriggerDefinition watchProgressSnapshotTrigger(Snapshotter snapshotter, WatchSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotThreshold());
    }
}
