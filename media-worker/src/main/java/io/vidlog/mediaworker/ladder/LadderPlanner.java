package io.vidlog.mediaworker.ladder;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the HLS ladder for a source: 360p, 720p and 1080p, where the number is the short side, so that vertical
 * videos get the same quality as horizontal ones. No rung is larger than the source (upscaling only costs bytes); a
 * source smaller than the lowest rung is kept at its own size.
 */
public final class LadderPlanner {

    private static final int AUDIO_KBPS = 128;

    /** Bitrates of Apple's HLS authoring recommendations for H.264 at 30 fps, peak about 7 % above average. */
    private static final List<Budget> BUDGETS = List.of(
            new Budget(360, 800, 856, 1200),
            new Budget(720, 2800, 2996, 4200),
            new Budget(1080, 5000, 5350, 7500));

    public List<Rung> plan(int width, int height) {
        int shortSide = Math.min(width, height);
        Budget lowest = BUDGETS.get(0);
        if (shortSide < lowest.shortSide()) {
            return List.of(lowest.rung(shortSide + "p", evenAtMost(width), evenAtMost(height)));
        }
        List<Rung> rungs = new ArrayList<>();
        for (Budget budget : BUDGETS) {
            if (budget.shortSide() <= shortSide) {
                double scale = (double) budget.shortSide() / shortSide;
                rungs.add(budget.rung(budget.shortSide() + "p", evenNearest(width * scale), evenNearest(height * scale)));
            }
        }
        return List.copyOf(rungs);
    }

    /** H.264 with 4:2:0 chroma needs even sides. */
    private static int evenNearest(double pixels) {
        return Math.max(2, (int) Math.round(pixels / 2) * 2);
    }

    private static int evenAtMost(int pixels) {
        return Math.max(2, pixels / 2 * 2);
    }

    private record Budget(int shortSide, int videoKbps, int maxrateKbps, int bufsizeKbps) {

        Rung rung(String name, int width, int height) {
            return new Rung(name, width, height, videoKbps, maxrateKbps, bufsizeKbps, AUDIO_KBPS);
        }
    }
}
