package io.vidlog.query.playback;

import java.time.Instant;
import java.util.List;

/** Hands a viewer the right to read one HLS ladder until a moment: a URL, and cookies where the CDN wants them. */
interface PlaybackGrants {

    Grant grant(HlsLadder ladder, Instant expiresAt);

    /** @param cookies {@code Set-Cookie} header values the viewer's player must send along */
    record Grant(String manifestUrl, List<String> cookies) {
    }
}
