package io.vidlog.query.playback;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Serves an HLS ladder to whoever holds a valid playback grant (see {@link PlaybackSigner}); no login, as players
 * do not send tokens. Playlists are returned from here, so their relative URLs resolve under the same signed path;
 * segments redirect to presigned S3 URLs, so the video bytes come straight from S3. A forged or expired grant gets 403.
 */
@RestController
class HlsController {

    private static final MediaType PLAYLIST = MediaType.parseMediaType("application/vnd.apple.mpegurl");

    private final PlaybackSigner signer;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    HlsController(PlaybackSigner signer, S3Client s3, S3Presigner presigner,
                  @Value("${vidlog.s3.bucket}") String bucket) {
        this.signer = signer;
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @GetMapping("/api/v1/hls/{videoId}/{ladderId}/{expires}/{signature}/{*file}")
    ResponseEntity<byte[]> read(@PathVariable String videoId, @PathVariable String ladderId,
                                @PathVariable long expires, @PathVariable String signature,
                                @PathVariable String file) {
        Instant now = Instant.now();
        if (!HlsLadder.isValidId(videoId) || !HlsLadder.isValidId(ladderId)
                || !signer.isValid(videoId, ladderId, expires, signature, now)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "This playback URL is forged or expired; ask GET /api/v1/videos/{id}/play for a new one");
        }
        String key = new HlsLadder(videoId, ladderId).keyOf(file)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such file in this video"));
        if (!file.endsWith(".m3u8")) {
            Duration validFor = Duration.ofSeconds(Math.max(1, expires - now.getEpochSecond()));
            URI segment = URI.create(presigner.presignGetObject(presign -> presign.signatureDuration(validFor)
                    .getObjectRequest(get -> get.bucket(bucket).key(key))).url().toString());
            return ResponseEntity.status(HttpStatus.FOUND).location(segment).build();
        }
        try {
            byte[] playlist = s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray();
            return ResponseEntity.ok().contentType(PLAYLIST).cacheControl(CacheControl.noCache().cachePrivate())
                    .body(playlist);
        } catch (NoSuchKeyException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such file in this video");
        }
    }
}
