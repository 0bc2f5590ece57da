package io.vidlog.api.video;

/** Where a video's media is; answered with an optional {@link VideoMedia} (empty: no such video). */
public record FetchVideoMediaQuery(String videoId) {
}
