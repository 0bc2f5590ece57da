package io.vidlog.query.playback;

import io.vidlog.api.video.FetchVideoMediaQuery;
import io.vidlog.api.video.PlaybackResponse;
import io.vidlog.api.video.VideoMedia;
import io.vidlog.api.video.VideoStatus;
import io.vidlog.query.web.Viewer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;

/** Signed-in viewers get a time-limited URL of a READY video's HLS master playlist. */
@RestController
class PlaybackController {

    private final QueryGateway queries;
    private final PlaybackSigner signer;
    private final PlaybackSettings settings;

    PlaybackController(QueryGateway queries, PlaybackSigner signer, PlaybackSettings settings) {
        this.queries = queries;
        this.signer = signer;
        this.settings = settings;
    }

    @GetMapping("/api/v1/videos/{videoId}/play")
    PlaybackResponse play(@PathVariable String videoId, Viewer viewer) {
        viewer.requireUserId();
        VideoMedia media = queries.query(new FetchVideoMediaQuery(videoId),
                        ResponseTypes.optionalInstanceOf(VideoMedia.class)).join()
                .filter(found -> found.status() != VideoStatus.DELETED)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No video " + videoId));
        if (media.status() != VideoStatus.READY) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Video " + videoId + " is " + media.status() + ", not playable yet");
        }
        HlsLadder ladder = HlsLadder.ofManifestKey(media.manifestKey())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                        "Video " + videoId + " has no media to play (a demo video)"));
        Instant expiresAt = Instant.now().plus(settings.urlTtl());
        long expires = expiresAt.getEpochSecond();
        String url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .pathSegment("api", "v1", "hls", ladder.videoId(), ladder.ladderId(), Long.toString(expires),
                        signer.sign(ladder.videoId(), ladder.ladderId(), expires), HlsLadder.MASTER_PLAYLIST)
                .toUriString();
        return new PlaybackResponse(url, Instant.ofEpochSecond(expires));
    }
}
