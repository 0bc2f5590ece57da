package io.vidlog.app.mediaworker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vidlog.api.transcode.Rendition;
import io.vidlog.api.transcode.TranscodeRequestedEvent;
import io.vidlog.api.transcode.TranscodeResultMessage;
import io.vidlog.api.transcode.TranscodeResultMessage.Outcome;
import io.vidlog.app.VidlogIntegrationTest;
import io.vidlog.mediaworker.MediaWorkerProperties;
import io.vidlog.mediaworker.transcode.Transcoder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The media worker's transcoder on the real FFmpeg and S3 of the local stack, called directly (not through Kafka).
 * The HLS output is fetched back from S3 and probed with ffprobe, as a player would see it.
 */
@VidlogIntegrationTest
class HlsLadderIT {

    /** Short clips at a low frame rate keep the test quick; the ladder does not depend on either. */
    private static final int CLIP_SECONDS = 6;
    private static final int CLIP_FPS = 10;
    private static final long PROCESS_TIMEOUT_SECONDS = 60;
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private final Path workDir = Path.of("target", "hls-ladder-it");
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    Transcoder transcoder;
    @Autowired
    S3Client s3;
    @Autowired
    MeterRegistry meterRegistry;
    @Autowired
    MediaWorkerProperties properties;
    @Value("${vidlog.s3.bucket}")
    String bucket;
    @Value("${vidlog.ffmpeg.path}")
    String ffmpeg;
    @Value("${vidlog.ffprobe.path}")
    String ffprobe;

    @Test
    void aHorizontalClipBecomesThreeRenditionsWithSoundInFourSecondSegments() throws Exception {
        Path clip = clip("horizontal.mp4", "1920x1080", CLIP_SECONDS, true);
        TranscodeRequestedEvent request = request(clip, DEADLINE);
        List<TranscodeResultMessage> progress = new CopyOnWriteArrayList<>();

        TranscodeResultMessage result = transcoder.transcode(request, progress::add);

        assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.durationSeconds()).isCloseTo(CLIP_SECONDS, within(0.5));
        assertThat(result.manifestKey()).isEqualTo(request.outputPrefix() + "master.m3u8");
        assertThat(result.posterKey()).isEqualTo(request.outputPrefix() + "poster.jpg");
        assertThat(result.renditions()).extracting(Rendition::name, Rendition::width, Rendition::height)
                .containsExactly(tuple("360p", 640, 360), tuple("720p", 1280, 720), tuple("1080p", 1920, 1080));
        assertThat(progress).extracting(TranscodeResultMessage::percent).isSorted()
                .allSatisfy(percent -> assertThat(percent).isBetween(0, 99));

        Path hls = download(request);
        assertThat(variantSizes(hls)).containsExactly("640x360", "1280x720", "1920x1080");
        for (String variant : List.of("360p", "720p", "1080p")) {
            assertThat(segmentDurations(hls.resolve(variant).resolve("index.m3u8")))
                    .as(variant).first().satisfies(first -> assertThat(first).isCloseTo(4.0, within(0.1)));
        }
        assertThat(contentType(result.manifestKey())).isEqualTo("application/vnd.apple.mpegurl");
        assertThat(contentType(request.outputPrefix() + "360p/segment_000.ts")).isEqualTo("video/mp2t");
        assertThat(contentType(result.posterKey())).isEqualTo("image/jpeg");
        assertThat(probeImage(hls.resolve("poster.jpg"))).isEqualTo("1920x1080");
    }

    @Test
    void aVerticalClipWithoutSoundKeepsItsOrientationAndGetsASilentTrackInEveryRendition() throws Exception {
        Path clip = clip("vertical.mp4", "1080x1920", CLIP_SECONDS, false);
        TranscodeRequestedEvent request = request(clip, DEADLINE);

        TranscodeResultMessage result = transcoder.transcode(request, progress -> { });

        assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.durationSeconds()).isCloseTo(CLIP_SECONDS, within(0.5));
        assertThat(result.renditions()).extracting(Rendition::name, Rendition::width, Rendition::height)
                .containsExactly(tuple("360p", 360, 640), tuple("720p", 720, 1280), tuple("1080p", 1080, 1920));
        assertThat(variantSizes(download(request))).containsExactly("360x640", "720x1280", "1080x1920");
    }

    @Test
    void aTextFileIsNotAVideoAndNothingIsEncoded() throws Exception {
        Path text = Files.writeString(Files.createDirectories(workDir).resolve("notes.txt"),
                "Shopping list\n- milk\n- a camera that records video\n");
        TranscodeRequestedEvent request = request(text, DEADLINE);
        double failuresBefore = notAVideoFailures();

        TranscodeResultMessage result = transcoder.transcode(request, progress -> { });

        assertThat(result).isEqualTo(TranscodeResultMessage.failed(request.videoId(), request.attemptId(),
                "not a video", false));
        assertThat(notAVideoFailures()).isEqualTo(failuresBefore + 1);
        assertThat(s3.listObjectsV2(list -> list.bucket(bucket).prefix(request.outputPrefix())).contents()).isEmpty();
    }

    @Test
    void aTranscodeStillRunningAtItsDeadlineIsKilledAndUploadsNothing() throws Exception {
        // About four times longer to encode than the deadline allows.
        Path clip = clip("long.mp4", "1920x1080", 30, true);
        TranscodeRequestedEvent request = request(clip, Duration.ofSeconds(3));
        long started = System.nanoTime();

        TranscodeResultMessage result = transcoder.transcode(request, progress -> { });

        assertThat(result).isEqualTo(TranscodeResultMessage.failed(request.videoId(), request.attemptId(),
                "deadline passed", true));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertThat(ProcessHandle.current().descendants()
                .filter(process -> process.info().command().orElse("").contains("ffmpeg"))).isEmpty();
        assertThat(s3.listObjectsV2(list -> list.bucket(bucket).prefix(request.outputPrefix())).contents()).isEmpty();
        try (var workFolders = Files.list(properties.workDir())) {
            assertThat(workFolders).noneMatch(folder -> folder.getFileName().toString().startsWith(request.attemptId()));
        }
    }

    private Path clip(String name, String size, int seconds, boolean withSound) throws Exception {
        Path clip = Files.createDirectories(workDir).resolve(name);
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-v", "error",
                "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=" + CLIP_FPS + ":duration=" + seconds));
        if (withSound) {
            command.addAll(List.of("-f", "lavfi", "-i",
                    "sine=frequency=440:sample_rate=48000:duration=" + seconds, "-c:a", "aac"));
        }
        command.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip.toString()));
        run(command);
        return clip;
    }

    /** Uploads {@code source}; the attempt's deadline is {@code timeout} after the upload. */
    private TranscodeRequestedEvent request(Path source, Duration timeout) {
        String videoId = UUID.randomUUID().toString();
        String attemptId = UUID.randomUUID().toString();
        String sourceKey = "uploads/" + videoId + "/source";
        s3.putObject(put -> put.bucket(bucket).key(sourceKey), RequestBody.fromFile(source));
        return new TranscodeRequestedEvent(videoId, attemptId, 1, sourceKey, source.toFile().length(),
                "videos/" + videoId + "/hls/" + attemptId + "/", Instant.now().plus(timeout));
    }

    /** Fetches the master playlist, the poster and every variant with its segments, as a player would. */
    private Path download(TranscodeRequestedEvent request) throws IOException {
        Path hls = Files.createDirectories(workDir.resolve(request.videoId()));
        fetch(request.outputPrefix(), hls, "master.m3u8");
        fetch(request.outputPrefix(), hls, "poster.jpg");
        for (String variant : uris(hls.resolve("master.m3u8"))) {
            Path playlist = fetch(request.outputPrefix(), hls, variant);
            String variantFolder = variant.substring(0, variant.lastIndexOf('/') + 1);
            for (String segment : uris(playlist)) {
                fetch(request.outputPrefix(), hls, variantFolder + segment);
            }
        }
        return hls;
    }

    private Path fetch(String prefix, Path hls, String relativeKey) throws IOException {
        Path target = hls.resolve(relativeKey);
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        s3.getObject(get -> get.bucket(bucket).key(prefix + relativeKey), ResponseTransformer.toFile(target));
        return target;
    }

    private static List<String> uris(Path playlist) throws IOException {
        return Files.readAllLines(playlist).stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    private static List<Double> segmentDurations(Path playlist) throws IOException {
        return Files.readAllLines(playlist).stream().filter(line -> line.startsWith("#EXTINF:"))
                .map(line -> Double.parseDouble(line.substring("#EXTINF:".length(), line.indexOf(','))))
                .toList();
    }

    /** The size of each variant in the order of the master playlist; each must have sound, and the clip's length. */
    private List<String> variantSizes(Path hls) throws Exception {
        List<String> sizes = new ArrayList<>();
        for (String variant : uris(hls.resolve("master.m3u8"))) {
            JsonNode probe = probe(hls.resolve(variant));
            List<JsonNode> streams = StreamSupport.stream(probe.path("streams").spliterator(), false).toList();
            JsonNode video = streams.stream().filter(stream -> stream.path("codec_type").asText().equals("video"))
                    .findFirst().orElseThrow(() -> new AssertionError(variant + " has no video"));
            assertThat(streams).as(variant + " has sound")
                    .anySatisfy(stream -> assertThat(stream.path("codec_type").asText()).isEqualTo("audio"));
            assertThat(probe.path("format").path("duration").asDouble()).as(variant + " duration")
                    .isCloseTo(CLIP_SECONDS, within(0.5));
            sizes.add(video.path("width").asInt() + "x" + video.path("height").asInt());
        }
        return sizes;
    }

    private String probeImage(Path image) throws Exception {
        JsonNode video = probe(image).path("streams").path(0);
        return video.path("width").asInt() + "x" + video.path("height").asInt();
    }

    private JsonNode probe(Path file) throws Exception {
        return json.readTree(run(List.of(ffprobe, "-v", "error", "-print_format", "json", "-show_streams",
                "-show_format", file.toString())));
    }

    private String contentType(String key) {
        return s3.headObject(head -> head.bucket(bucket).key(key)).contentType();
    }

    private double notAVideoFailures() {
        Counter counter = meterRegistry.find("vidlog.transcode.failures").tag("reason", "not-a-video").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as(command.get(0)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        return output;
    }
}
