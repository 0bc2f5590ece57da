package io.vidlog.command.watch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How watch progress reports are interpreted ({@code vidlog.watch.*}).
 *
 * @param sessionGap        a report arriving more than this after the previous accepted one starts a new viewing
 *                          session (a new view; watched seconds and completion count again)
 * @param maxContinuousGap  the largest forward step between two reports still taken as continuous play; players
 *                          report about every 10 s, so a larger jump is a seek and counts no watched seconds
 * @param snapshotThreshold events of a WatchProgress stream after which a snapshot is taken, so a long-watched
 *                          video still loads from a few events; {@code 0} takes none
 */
@ConfigurationProperties("vidlog.watch")
public record WatchSettings(@DefaultValue("30m") Duration sessionGap,
                            @DefaultValue("30s") Duration maxContinuousGap,
                            @DefaultValue("50") int snapshotThreshold) {

    /** The {@code snapshotThreshold} that turns snapshots off. */
    public static final int NO_SNAPSHOTS = 0;

    public WatchSettings {
        if (sessionGap == null || sessionGap.isNegative() || sessionGap.isZero()) {
            throw new IllegalArgumentException("vidlog.watch.session-gap must be positive");
        }
        if (maxContinuousGap == null || maxContinuousGap.isNegative() || maxContinuousGap.isZero()) {
            throw new IllegalArgumentException("vidlog.watch.max-continuous-gap must be positive");
        }
        if (snapshotThreshold < NO_SNAPSHOTS) {
            throw new IllegalArgumentException("vidlog.watch.snapshot-threshold must be 0 (no snapshots) or more");
        }
    }
}
