package io.vidlog.query.playback;

import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCustomPolicy;
import software.amazon.awssdk.services.cloudfront.model.CustomSignerRequest;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * With CloudFront in front of the media bucket: the manifest's CDN URL and CloudFront signed cookies (a custom policy
 * for the whole ladder's folder, made by the AWS SDK), so the player reads playlists and segments straight from the
 * CDN. Cookies rather than signed URLs, because a signed URL's query is not carried over to the relative URLs inside
 * HLS playlists.
 */
final class CloudFrontGrants implements PlaybackGrants {

    private final CloudFrontUtilities cloudFront = CloudFrontUtilities.create();
    private final PlaybackSettings.CloudFront settings;
    private final PrivateKey privateKey;

    CloudFrontGrants(PlaybackSettings.CloudFront settings, PrivateKey privateKey) {
        this.settings = settings;
        this.privateKey = privateKey;
    }

    @Override
    public Grant grant(HlsLadder ladder, Instant expiresAt) {
        String folder = "videos/" + ladder.videoId() + "/hls/" + ladder.ladderId() + "/";
        String base = "https://" + settings.domain() + "/";
        CookiesForCustomPolicy cookies = cloudFront.getCookiesForCustomPolicy(CustomSignerRequest.builder()
                .resourceUrl(base + folder + HlsLadder.MASTER_PLAYLIST)
                .resourceUrlPattern(base + folder + "*")
                .privateKey(privateKey)
                .keyPairId(settings.keyPairId())
                .expirationDate(expiresAt)
                .build());
        String attributes = "; Path=/" + folder + "; Domain=" + settings.cookieDomain()
                + "; Secure; HttpOnly; SameSite=None; Max-Age=" + Math.max(0, expiresAt.getEpochSecond()
                - Instant.now().getEpochSecond());
        List<String> setCookies = Stream.of(cookies.policyHeaderValue(), cookies.signatureHeaderValue(),
                        cookies.keyPairIdHeaderValue())
                .map(cookie -> cookie + attributes).toList();
        return new Grant(base + folder + HlsLadder.MASTER_PLAYLIST, setCookies);
    }
}
