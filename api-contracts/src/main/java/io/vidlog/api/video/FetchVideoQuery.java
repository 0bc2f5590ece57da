package io.vidlog.api.video;

/**
 * A video as {@code GET /videos/{id}} shows it to one caller.
 *
 * @param viewerId the caller's user id, or null when anonymous (then the answer has no {@code me})
 * @param admin    whether the caller is an admin (who, like the owner, also sees videos that are not READY yet)
 */
public record FetchVideoQuery(String videoId, String viewerId, boolean admin) {
}
