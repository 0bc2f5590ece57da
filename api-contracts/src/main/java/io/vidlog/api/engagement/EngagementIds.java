package io.vidlog.api.engagement;

/**
 * Aggregate identifiers of the per-(user, video) aggregates.
 * <p>
 * Axon's event store keys events by (aggregate identifier, sequence number) across all aggregate types, so the
 * Engagement and the WatchProgress of one (user, video) must not share an identifier: their events would end up
 * in one stream. The watch id therefore carries a suffix. Video ids are UUIDs (no {@code ':'}), so the identifiers
 * are unambiguous whatever the user id contains.
 */
public final class EngagementIds {

    private static final String SEPARATOR = ":";
    private static final String WATCH_SUFFIX = SEPARATOR + "watch";

    private EngagementIds() {
    }

    /** The identifier of the Engagement aggregate (reaction and bookmark) of a user on a video. */
    public static String engagementId(String userId, String videoId) {
        return userId + SEPARATOR + videoId;
    }

    /** The identifier of the WatchProgress aggregate of a user on a video. */
    public static String watchId(String userId, String videoId) {
        return engagementId(userId, videoId) + WATCH_SUFFIX;
    }
}
