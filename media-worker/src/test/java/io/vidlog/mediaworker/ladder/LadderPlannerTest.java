package io.vidlog.mediaworker.ladder;

import io.vidlog.api.transcode.Rendition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LadderPlannerTest {

    private final LadderPlanner planner = new LadderPlanner();

    @Test
    void aFullHdSourceGetsAllThreeRungs() {
        assertThat(sizes(planner.plan(1920, 1080))).containsExactly("360p 640x360", "720p 1280x720",
                "1080p 1920x1080");
    }

    @Test
    void noRungIsLargerThanTheSource() {
        assertThat(sizes(planner.plan(1280, 720))).containsExactly("360p 640x360", "720p 1280x720");
    }

    @Test
    void aVerticalSourceIsMeasuredByItsShortSide() {
        assertThat(sizes(planner.plan(1080, 1920))).containsExactly("360p 360x640", "720p 720x1280",
                "1080p 1080x1920");
    }

    @Test
    void aSourceSmallerThanTheLowestRungKeepsItsOwnSize() {
        assertThat(sizes(planner.plan(320, 240))).containsExactly("240p 320x240");
    }

    @Test
    void sidesAreEvenAndTheAspectRatioIsKept() {
        List<Rung> rungs = planner.plan(1440, 1080);

        assertThat(sizes(rungs)).containsExactly("360p 480x360", "720p 960x720", "1080p 1440x1080");
        assertThat(sizes(planner.plan(2560, 1097))).contains("360p 840x360");
        assertThat(sizes(planner.plan(321, 241))).containsExactly("241p 320x240");
    }

    @Test
    void aRenditionAnnouncesThePeakBandwidthWithSound() {
        Rung lowest = planner.plan(1920, 1080).get(0);

        assertThat(lowest.rendition()).isEqualTo(new Rendition("360p", 640, 360,
                (lowest.maxrateKbps() + lowest.audioKbps()) * 1000L));
        assertThat(lowest.maxrateKbps()).isGreaterThan(lowest.videoKbps());
        assertThat(lowest.bufsizeKbps()).isGreaterThan(lowest.maxrateKbps());
    }

    private static List<String> sizes(List<Rung> rungs) {
        return rungs.stream().map(rung -> rung.name() + " " + rung.width() + "x" + rung.height()).toList();
    }
}
