package io.vidlog.mediaworker.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Reads the JSON of {@code ffprobe -print_format json -show_streams -show_format}. */
public final class ProbeReader {

    /**
     * Demuxers that report a "video" stream for things that are not videos: still images, and text shown as a
     * terminal animation. Image formats read from a stream are all called {@code *_pipe}.
     */
    private static final Set<String> STILL_FORMATS = Set.of("image2", "tty");

    private final ObjectMapper json = new ObjectMapper();

    public SourceVideo read(String probeJson) throws NotAVideoException {
        JsonNode root = parse(probeJson);
        JsonNode format = root.path("format");
        String formatName = format.path("format_name").asText("");
        if (STILL_FORMATS.contains(formatName) || formatName.endsWith("_pipe")) {
            throw new NotAVideoException("a still image or text (" + formatName + ")");
        }
        JsonNode video = streams(root, "video")
                // Cover art of a music file is a "video" stream of one picture.
                .filter(stream -> stream.path("disposition").path("attached_pic").asInt() != 1)
                .findFirst()
                .orElseThrow(() -> new NotAVideoException("no video stream"));
        int width = video.path("width").asInt();
        int height = video.path("height").asInt();
        if (width <= 0 || height <= 0) {
            throw new NotAVideoException("a video stream without a size");
        }
        double duration = duration(format).or(() -> duration(video))
                .orElseThrow(() -> new NotAVideoException("no duration"));
        boolean hasAudio = streams(root, "audio").findAny().isPresent();
        // FFmpeg turns the picture as the recording device asked, so the ladder must be planned on the turned size.
        return quarterTurned(video)
                ? new SourceVideo(height, width, duration, hasAudio)
                : new SourceVideo(width, height, duration, hasAudio);
    }

    private JsonNode parse(String probeJson) throws NotAVideoException {
        try {
            JsonNode root = json.readTree(probeJson);
            if (root == null || !root.isObject()) {
                throw new NotAVideoException("ffprobe printed no JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new NotAVideoException("ffprobe printed no JSON: " + e.getOriginalMessage());
        }
    }

    private static Stream<JsonNode> streams(JsonNode root, String codecType) {
        return StreamSupport.stream(root.path("streams").spliterator(), false)
                .filter(stream -> codecType.equals(stream.path("codec_type").asText()));
    }

    private static Optional<Double> duration(JsonNode node) {
        try {
            double seconds = Double.parseDouble(node.path("duration").asText(""));
            return seconds > 0 && Double.isFinite(seconds) ? Optional.of(seconds) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Newer FFmpeg reports the rotation in a display matrix, older FFmpeg as a {@code rotate} tag. */
    private static boolean quarterTurned(JsonNode video) {
        int rotation = StreamSupport.stream(video.path("side_data_list").spliterator(), false)
                .filter(sideData -> sideData.has("rotation"))
                .map(sideData -> sideData.path("rotation").asInt())
                .findFirst()
                .orElseGet(() -> video.path("tags").path("rotate").asInt());
        return Math.abs(rotation) % 180 == 90;
    }
}
