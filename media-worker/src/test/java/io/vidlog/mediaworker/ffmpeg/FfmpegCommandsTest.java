package io.vidlog.mediaworker.ffmpeg;

import io.vidlog.mediaworker.ladder.LadderPlanner;
import io.vidlog.mediaworker.ladder.Rung;
import io.vidlog.mediaworker.probe.SourceVideo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FfmpegCommandsTest {

    private static final Path SOURCE = Path.of("work", "source");
    private static final Path OUTPUT = Path.of("work", "hls");

    private final FfmpegCommands commands = new FfmpegCommands("/opt/ffmpeg/bin/ffmpeg");
    private final List<Rung> threeRungs = new LadderPlanner().plan(1920, 1080);

    @Test
    void oneProcessDecodesTheSourceOnceAndSplitsItIntoEveryRung() {
        List<String> command = commands.hlsLadder(SOURCE, new SourceVideo(1920, 1080, 6, true), threeRungs, OUTPUT);

        assertThat(command.get(0)).isEqualTo("/opt/ffmpeg/bin/ffmpeg");
        assertThat(Collections.frequency(command, "-i")).isEqualTo(1);
        assertThat(valueOf(command, "-filter_complex")).isEqualTo(
                "[0:v:0]scale=1920:1080,setsar=1,split=2[v2][t2];[t2]scale=1280:720,setsar=1,split=2[v1][t1]"
                        + ";[t1]scale=640:360,setsar=1[v0]");
        assertThat(valuesOf(command, "-map")).containsExactly("[v0]", "[v1]", "[v2]", "0:a:0", "0:a:0", "0:a:0");
    }

    @Test
    void everyRungIsAVariantOfOneMasterPlaylist() {
        List<String> command = commands.hlsLadder(SOURCE, new SourceVideo(1920, 1080, 6, true), threeRungs, OUTPUT);

        assertThat(valueOf(command, "-var_stream_map")).isEqualTo("v:0,a:0,name:360p v:1,a:1,name:720p v:2,a:2,name:1080p");
        assertThat(valueOf(command, "-master_pl_name")).isEqualTo("master.m3u8");
        assertThat(valueOf(command, "-f")).isEqualTo("hls");
        assertThat(valueOf(command, "-hls_time")).isEqualTo("4");
        assertThat(valueOf(command, "-hls_playlist_type")).isEqualTo("vod");
        assertThat(valueOf(command, "-hls_segment_filename"))
                .isEqualTo(OUTPUT.resolve("%v").resolve("segment_%03d.ts").toString());
        assertThat(command.get(command.size() - 1)).isEqualTo(OUTPUT.resolve("%v").resolve("index.m3u8").toString());
    }

    @Test
    void aSegmentGetsItsNameOnlyWhenItIsCompleteSoThatItCanBeUploadedMeanwhile() {
        List<String> command = commands.hlsLadder(SOURCE, new SourceVideo(1920, 1080, 6, true), threeRungs, OUTPUT);

        assertThat(valueOf(command, "-hls_flags")).isEqualTo("independent_segments+temp_file");
    }

    @Test
    void segmentsStartWithAKeyFrameEveryFourSeconds() {
        List<String> command = commands.hlsLadder(SOURCE, new SourceVideo(1920, 1080, 6, true), threeRungs, OUTPUT);

        assertThat(valueOf(command, "-force_key_frames")).isEqualTo("expr:gte(t,n_forced*4)");
    }

    @Test
    void eachRungHasItsOwnBitrateBudget() {
        List<String> command = commands.hlsLadder(SOURCE, new SourceVideo(1920, 1080, 6, true), threeRungs, OUTPUT);

        assertThat(valueOf(command, "-c:v")).isEqualTo("libx264");
        assertThat(valueOf(command, "-preset")).isEqualTo("veryfast");
        assertThat(valueOf(command, "-c:a")).isEqualTo("aac");
        for (int i = 0; i < threeRungs.size(); i++) {
            Rung rung = threeRungs.get(i);
            assertThat(valueOf(command, "-b:v:" + i)).isEqualTo(rung.videoKbps() + "k");
            assertThat(valueOf(command, "-maxrate:v:" + i)).isEqualTo(rung.maxrateKbps() + "k");
            assertThat(valueOf(command, "-bufsize:v:" + i)).isEqualTo(rung.bufsizeKbps() + "k");
            assertThat(valueOf(command, "-b:a:" + i)).isEqualTo(rung.audioKbps() + "k");
        }
    }

    @Test
    void progressGoesToStdoutWithoutTheStatisticsLine() {
        List<String> command = commands.hlsLadder(SOURCE, new SourceVideo(1920, 1080, 6, true), threeRungs, OUTPUT);

        assertThat(valueOf(command, "-progress")).isEqualTo("pipe:1");
        assertThat(command).contains("-nostats", "-nostdin");
    }

    @Test
    void aSourceWithoutSoundGetsASilentTrackAsLongAsTheVideo() {
        List<Rung> rungs = new LadderPlanner().plan(1080, 1920);

        List<String> command = commands.hlsLadder(SOURCE, new SourceVideo(1080, 1920, 5.5, false), rungs, OUTPUT);

        assertThat(Collections.frequency(command, "-i")).isEqualTo(2);
        assertThat(command).containsSubsequence("-i", SOURCE.toString(), "-f", "lavfi", "-t", "5.500", "-i",
                "anullsrc=channel_layout=stereo:sample_rate=48000");
        assertThat(valuesOf(command, "-map")).containsExactly("[v0]", "[v1]", "[v2]", "1:a:0", "1:a:0", "1:a:0");
        assertThat(valueOf(command, "-var_stream_map")).isEqualTo("v:0,a:0,name:360p v:1,a:1,name:720p v:2,a:2,name:1080p");
    }

    @Test
    void aSingleRungIsStillOneVariantOfAMasterPlaylist() {
        List<Rung> rungs = new LadderPlanner().plan(320, 240);

        List<String> command = commands.hlsLadder(SOURCE, new SourceVideo(320, 240, 3, true), rungs, OUTPUT);

        assertThat(valueOf(command, "-filter_complex")).isEqualTo("[0:v:0]scale=320:240,setsar=1[v0]");
        assertThat(valueOf(command, "-var_stream_map")).isEqualTo("v:0,a:0,name:240p");
    }

    @Test
    void thePosterIsOneFrameAtTheLargestRungsSize() {
        List<String> command = commands.poster(SOURCE, 1, threeRungs.get(2), OUTPUT.resolve("poster.jpg"));

        assertThat(command).containsSubsequence("-ss", "1.000", "-i", SOURCE.toString());
        assertThat(valueOf(command, "-frames:v")).isEqualTo("1");
        assertThat(valueOf(command, "-vf")).isEqualTo("scale=1920:1080,setsar=1");
        assertThat(command.get(command.size() - 1)).isEqualTo(OUTPUT.resolve("poster.jpg").toString());
    }

    private static String valueOf(List<String> command, String option) {
        List<String> values = valuesOf(command, option);
        assertThat(values).as("values of %s", option).hasSize(1);
        return values.get(0);
    }

    private static List<String> valuesOf(List<String> command, String option) {
        return IntStream.range(0, command.size() - 1)
                .filter(i -> command.get(i).equals(option))
                .mapToObj(i -> command.get(i + 1))
                .toList();
    }
}
