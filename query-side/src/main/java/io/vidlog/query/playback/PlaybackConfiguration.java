package io.vidlog.query.playback;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;

/** CloudFront signed cookies when a distribution is configured, else URLs signed by this application. */
@Configuration(proxyBeanMethods = false)
class PlaybackConfiguration {

    @Bean
    PlaybackGrants playbackGrants(PlaybackSettings settings, PlaybackSigner signer) {
        PlaybackSettings.CloudFront cloudFront = settings.cloudFront();
        if (!cloudFront.enabled()) {
            return new SignedPathGrants(signer);
        }
        if (cloudFront.keyPairId() == null || cloudFront.privateKeyFile() == null
                || cloudFront.cookieDomain() == null) {
            throw new IllegalArgumentException("vidlog.playback.cloud-front needs key-pair-id, private-key-file and "
                    + "cookie-domain along with its domain");
        }
        return new CloudFrontGrants(cloudFront, privateKey(cloudFront));
    }

    /** A PKCS#8 PEM key, as {@code openssl genpkey} writes it. */
    private static PrivateKey privateKey(PlaybackSettings.CloudFront cloudFront) {
        try {
            String pem = Files.readString(cloudFront.privateKeyFile())
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    java.util.Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the CloudFront private key " + cloudFront.privateKeyFile(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The CloudFront private key " + cloudFront.privateKeyFile()
                    + " is not an RSA key in PKCS#8 PEM", e);
        }
    }
}
