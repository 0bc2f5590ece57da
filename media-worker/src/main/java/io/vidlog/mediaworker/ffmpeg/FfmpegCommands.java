package io.vidlog.mediaworker.ffmpeg;

import io.vidlog.mediaworker.ladder.Rung;
import io.vidlog.mediaworker.probe.SourceVideo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** The command lines of the {@code ffmpeg} runs of one transcode. */
public final class FfmpegCommands {

    public static final String MASTER_PLAYLIST = "master.m3u8";
    public static final int SEGMENT_SECONDS = 4;
    /** A fast preset: on a small machine the ladder then runs faster than real time, at a few percent more bytes. */
    static final String PRESET = "veryfast";
    static final String SILENCE = "anullsrc=channel_layout=stereo:sample_rate=48000";
    private static final int POSTER_JPEG_QUALITY = 3;

    private final String executable;

    public FfmpegCommands(String executable) {
        this.executable = executable;
    }

    /**
     * One process for the whole ladder: the source is decoded once and split into every rung, which is about a
     * quarter faster than a process per rung. Progress goes to stdout as {@code key=value} lines.
     */
    public List<String> hlsLadder(Path source, SourceVideo video, List<Rung> rungs, Path outputDir) {
        List<String> command = new ArrayList<>(List.of(executable, "-hide_banner", "-nostdin", "-y", "-v", "error",
                "-nostats", "-progress", "pipe:1", "-i", source.toString()));
        String audio = "0:a:0";
        if (!video.hasAudio()) {
            // Players switch between variants seamlessly only when every variant has the same kinds of tracks.
            command.addAll(List.of("-f", "lavfi", "-t", seconds(video.durationSeconds()), "-i", SILENCE));
            audio = "1:a:0";
        }
        command.addAll(List.of("-filter_complex", splitAndScale(rungs)));
        for (int i = 0; i < rungs.size(); i++) {
            command.addAll(List.of("-map", "[v" + i + "]"));
        }
        for (int i = 0; i < rungs.size(); i++) {
            command.addAll(List.of("-map", audio));
        }
        command.addAll(List.of("-c:v", "libx264", "-preset", PRESET, "-pix_fmt", "yuv420p",
                // A key frame at every segment boundary, so that every segment is SEGMENT_SECONDS long.
                "-force_key_frames", "expr:gte(t,n_forced*" + SEGMENT_SECONDS + ")"));
        for (int i = 0; i < rungs.size(); i++) {
            Rung rung = rungs.get(i);
            command.addAll(List.of("-b:v:" + i, rung.videoKbps() + "k", "-maxrate:v:" + i, rung.maxrateKbps() + "k",
                    "-bufsize:v:" + i, rung.bufsizeKbps() + "k"));
        }
        command.addAll(List.of("-c:a", "aac", "-ac", "2", "-ar", "48000"));
        for (int i = 0; i < rungs.size(); i++) {
            command.addAll(List.of("-b:a:" + i, rungs.get(i).audioKbps() + "k"));
        }
        // temp_file: each segment is written as *.ts.tmp and renamed when complete, so that the worker can upload
        // the segments named *.ts while the later ones are encoded.
        command.addAll(List.of("-f", "hls", "-hls_time", Integer.toString(SEGMENT_SECONDS),
                "-hls_playlist_type", "vod", "-hls_flags", "independent_segments+temp_file",
                "-hls_segment_filename", outputDir.resolve("%v").resolve("segment_%03d.ts").toString(),
                "-master_pl_name", MASTER_PLAYLIST,
                "-var_stream_map", streamMap(rungs),
                outputDir.resolve("%v").resolve("index.m3u8").toString()));
        return List.copyOf(command);
    }

    /** One frame at {@code atSeconds}, at the size of {@code size}. */
    public List<String> poster(Path source, double atSeconds, Rung size, Path posterFile) {
        return List.of(executable, "-hide_banner", "-nostdin", "-y", "-v", "error",
                "-ss", seconds(atSeconds), "-i", source.toString(),
                "-frames:v", "1", "-vf", scale(size), "-q:v", Integer.toString(POSTER_JPEG_QUALITY), "-update", "1",
                posterFile.toString());
    }

    /**
     * A cascade from the largest rung down: each rung is scaled from the one above it rather than from the source, so
     * the smaller rungs read a quarter or less of the source's pixels. The rungs come smallest first.
     */
    private static String splitAndScale(List<Rung> rungs) {
        StringJoiner graph = new StringJoiner(";");
        String input = "[0:v:0]";
        for (int i = rungs.size() - 1; i >= 0; i--) {
            String output = i == 0 ? "[v0]" : ",split=2[v" + i + "][t" + i + "]";
            graph.add(input + scale(rungs.get(i)) + output);
            input = "[t" + i + "]";
        }
        return graph.toString();
    }

    /** Square pixels: the planned sizes already are the displayed ones. */
    private static String scale(Rung rung) {
        return "scale=" + rung.width() + ":" + rung.height() + ",setsar=1";
    }

    private static String streamMap(List<Rung> rungs) {
        StringJoiner map = new StringJoiner(" ");
        for (int i = 0; i < rungs.size(); i++) {
            map.add("v:" + i + ",a:" + i + ",name:" + rungs.get(i).name());
        }
        return map.toString();
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
