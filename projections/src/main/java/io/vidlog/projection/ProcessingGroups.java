package io.vidlog.projection;

import java.util.List;

/** The names of the projections' processing groups, as design.md gives them; the admin API addresses them so. */
public final class ProcessingGroups {

    public static final String VIDEO_METADATA = "video-metadata";
    public static final String RANKINGS = "rankings";
    public static final String TASTE_SCORES = "taste-scores";
    public static final String TRANSCODE_STEPS = "transcode-steps";
    public static final String SEARCH = "search";

    /** Every replayable read model, in the order operators see them. */
    public static final List<String> ALL = List.of(VIDEO_METADATA, RANKINGS, TASTE_SCORES, SEARCH, TRANSCODE_STEPS);

    private ProcessingGroups() {
    }
}
