package io.vidlog.query.playback;

import io.vidlog.api.video.FetchVideoMediaQuery;
import io.vidlog.api.video.PlaybackResponse;
import io.vidlog.api.video.VideoMedia;
import io.vidlog.api.video.VideoStatus;
import io.vidlog.query.web.Viewer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;

/**
 * Signed-in viewers get a time-limited URL of a READY video's HLS master playlist (with CloudFront: its CDN URL and
 * the signed cookies that open the ladder's folder).
 */
@RestController
class PlaybackController {

    private final QueryGateway queries;
    private final PlaybackGrants grants;
    private final PlaybackSettings settings;

    PlaybackController(QueryGateway queries, PlaybackGrants grants, PlaybackSettings settings) {
        this.queries = queries;
        this.grants = grants;
        this.settings = settings;
    }

    @GetMapping("/api/v1/videos/{videoId}/play")
    ResponseEntity<PlaybackResponse> play(@PathVariable String videoId, Viewer viewer) {
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
        Instant expiresAt = Instant.ofEpochSecond(Instant.now().plus(settings.urlTtl()).getEpochSecond());
        PlaybackGrants.Grant grant = grants.grant(ladder, expiresAt);
        HttpHeaders headers = new HttpHeaders();
        grant.cookies().forEach(cookie -> headers.add(HttpHeaders.SET_COOKIE, cookie));
        return ResponseEntity.ok().headers(headers).body(new PlaybackResponse(grant.manifestUrl(), expiresAt));
    }
}
