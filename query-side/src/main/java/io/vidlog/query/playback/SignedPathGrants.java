package io.vidlog.query.playback;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.util.List;

/** Without a CDN: a URL of this application whose path carries the signed grant ({@link HlsController}). */
final class SignedPathGrants implements PlaybackGrants {

    private final PlaybackSigner signer;

    SignedPathGrants(PlaybackSigner signer) {
        this.signer = signer;
    }

    @Override
    public Grant grant(HlsLadder ladder, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        String url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .pathSegment("api", "v1", "hls", ladder.videoId(), ladder.ladderId(), Long.toString(expires),
                        signer.sign(ladder.videoId(), ladder.ladderId(), expires), HlsLadder.MASTER_PLAYLIST)
                .toUriString();
        return new Grant(url, List.of());
    }
}
