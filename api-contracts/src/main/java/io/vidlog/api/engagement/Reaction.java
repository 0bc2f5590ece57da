package io.vidlog.api.engagement;

/**
 * A viewer's reaction to a video. {@link #NONE} is the state of a viewer who has not reacted (or cleared the
 * reaction); it is never a command's target, only an event's {@code from} or {@code to}.
 */
public enum Reaction {
    NONE, LIKE, DISLIKE, SUPERLIKE
}
