package io.vidlog.app.transcode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test clips made by the real ffmpeg, and what the real ffprobe says about media (files or URLs). */
public final class Clips {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String ffmpeg;
    private final String ffprobe;
    private final Path dir;

    public Clips(String ffmpeg, String ffprobe, Path dir) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.dir = dir;
    }

    /** A test pattern of {@code width}×{@code height}, {@code seconds} long, with a sine tone when {@code audio}. */
    public Path clip(String name, int width, int height, int seconds, boolean audio) {
        Path file = dir.resolve(name + ".mp4");
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-y", "-v", "error",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=24:duration=" + seconds));
        if (audio) {
            command.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                    "-c:a", "aac"));
        }
        command.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", file.toString()));
        run(command);
        return file;
    }

    /** Stream and format facts as ffprobe prints them ({@code -show_streams -show_format}, JSON). */
    JsonNode probe(String fileOrUrl) {
        String output = run(List.of(ffprobe, "-v", "error", "-print_format", "json", "-show_streams",
                "-show_format", fileOrUrl));
        try {
            return JSON.readTree(output);
        } catch (IOException e) {
            throw new UncheckedIOException("ffprobe printed no JSON: " + output, e);
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path textFile(String name) {
        try {
            return Files.writeString(dir.resolve(name + ".mp4"), "This is a shopping list, not a video.\n".repeat(200));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
