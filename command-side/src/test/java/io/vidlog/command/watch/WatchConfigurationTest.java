package io.vidlog.command.watch;

import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class WatchConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(WatchConfiguration.class)
            .withBean(Snapshotter.class, () -> mock(Snapshotter.class));

    @Test
    void theDefaultsAreAThirtyMinuteSessionGapThirtySecondsOfContinuousPlayAndSnapshotsEveryFiftyEvents() {
        context.run(app -> {
            assertThat(app.getBean(WatchSettings.class))
                    .isEqualTo(new WatchSettings(Duration.ofMinutes(30), Duration.ofSeconds(30), 50));
            assertThat(app.getBean("watchProgressSnapshotTrigger")).isInstanceOf(SnapshotTriggerDefinition.class);
        });
    }

    @Test
    void theSettingsComeFromVidlogWatchProperties() {
        context.withPropertyValues("vidlog.watch.session-gap=10m", "vidlog.watch.max-continuous-gap=20s",
                        "vidlog.watch.snapshot-threshold=100")
               .run(app -> assertThat(app.getBean(WatchSettings.class))
                       .isEqualTo(new WatchSettings(Duration.ofMinutes(10), Duration.ofSeconds(20), 100)));
    }

    @Test
    void aSnapshotThresholdOfZeroTakesNoSnapshots() {
        context.withPropertyValues("vidlog.watch.snapshot-threshold=0")
               .run(app -> assertThat(app.getBean("watchProgressSnapshotTrigger"))
                       .isSameAs(NoSnapshotTriggerDefinition.INSTANCE));
    }

    @Test
    void aNegativeSnapshotThresholdFailsTheStart() {
        context.withPropertyValues("vidlog.watch.snapshot-threshold=-1")
               .run(app -> assertThat(app).hasFailed());
    }

    @Test
    void aNonPositiveSessionGapFailsTheStart() {
        context.withPropertyValues("vidlog.watch.session-gap=0s")
               .run(app -> assertThat(app).hasFailed());
    }
}
