package io.vidlog.mediaworker.ladder;

import io.vidlog.api.transcode.Rendition;

/**
 * One variant of the HLS ladder and its encoder budget.
 *
 * @param name        the variant's name and folder, e.g. {@code 720p}
 * @param videoKbps   the average video bitrate the encoder aims at
 * @param maxrateKbps the peak video bitrate the encoder may reach
 * @param bufsizeKbps the rate-control buffer over which the peak is measured
 * @param audioKbps   the AAC bitrate
 */
public record Rung(String name, int width, int height, int videoKbps, int maxrateKbps, int bufsizeKbps,
                   int audioKbps) {

    /** What HLS calls BANDWIDTH: the peak bits per second of the variant, sound included. */
    public long bandwidth() {
        return (maxrateKbps + audioKbps) * 1000L;
    }

    public Rendition rendition() {
        return new Rendition(name, width, height, bandwidth());
    }
}
