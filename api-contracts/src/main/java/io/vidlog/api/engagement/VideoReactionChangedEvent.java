package io.vidlog.api.engagement;

/**
 * A viewer's reaction to a video changed from {@code from} to {@code to} (either may be {@link Reaction#NONE},
 * never both the same), so a projection applies the exact delta: minus one on {@code from}, plus one on {@code to}.
 */
public record VideoReactionChangedEvent(String engagementId, String userId, String videoId, Reaction from,
                                        Reaction to) implements ViewerEvent {
}
