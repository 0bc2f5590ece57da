package io.vidlog.mediaworker.transcode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vidlog.api.transcode.Rendition;
import io.vidlog.api.transcode.TranscodeRequestedEvent;
import io.vidlog.api.transcode.TranscodeResultMessage;
import io.vidlog.api.transcode.TranscodeResultMessage.Outcome;
import io.vidlog.mediaworker.ffmpeg.FfmpegCommands;
import io.vidlog.mediaworker.probe.Ffprobe;
import io.vidlog.mediaworker.probe.NotAVideoException;
import io.vidlog.mediaworker.probe.SourceVideo;
import io.vidlog.mediaworker.process.DeadlinePassedException;
import io.vidlog.mediaworker.process.ProcessResult;
import io.vidlog.mediaworker.process.ProcessRunner;
import io.vidlog.mediaworker.process.StderrTail;
import io.vidlog.mediaworker.process.WorkerStoppingException;
import io.vidlog.mediaworker.storage.MediaStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The transcode's steps and its failure reasons, with FFmpeg and S3 replaced by stand-ins. */
class TranscoderTest {

    private static final TranscodeRequestedEvent REQUEST = new TranscodeRequestedEvent("v1", "a1", 1,
            "uploads/v1/source", 1000, "videos/v1/hls/a1/", Instant.now().plusSeconds(600));

    @TempDir
    Path workDir;

    private final MediaStorage storage = mock(MediaStorage.class);
    private final Ffprobe ffprobe = mock(Ffprobe.class);
    private final ProcessRunner runner = mock(ProcessRunner.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<TranscodeResultMessage> progress = new ArrayList<>();
    private Transcoder transcoder;

    @BeforeEach
    void setUp() {
        when(runner.isRunning()).thenReturn(true);
        transcoder = new Transcoder(storage, ffprobe, new FfmpegCommands("ffmpeg"), runner,
                new TranscodeMetrics(registry), new TranscodeSettings(workDir, Duration.ofSeconds(1), 5, Duration.ZERO));
    }

    @Test
    void aVideoBecomesALadderUnderTheOutputPrefix() throws Exception {
        when(ffprobe.probe(any(), any())).thenReturn(new SourceVideo(1280, 720, 8.0, true));
        when(runner.run(anyList(), eq(REQUEST.deadline()), any())).thenAnswer(invocation -> {
            List<String> command = invocation.getArgument(0);
            if (isLadder(command)) {
                Consumer<String> stdout = invocation.getArgument(2);
                List.of("out_time_us=N/A", "out_time_us=2000000", "progress=continue", "out_time_us=4000000",
                        "out_time_us=8000000", "progress=end").forEach(stdout);
            }
            writeOutputOf(command);
            return new ProcessResult(0, new StderrTail());
        });

        TranscodeResultMessage result = transcoder.transcode(REQUEST, progress::add);

        assertThat(result).isEqualTo(TranscodeResultMessage.succeeded("v1", "a1", 8.0,
                "videos/v1/hls/a1/master.m3u8", "videos/v1/hls/a1/poster.jpg", List.of(
                        new Rendition("360p", 640, 360, 984_000), new Rendition("720p", 1280, 720, 3_124_000))));
        assertThat(progress).extracting(TranscodeResultMessage::percent).containsExactly(25, 50, 99);
        verify(storage).download(eq("uploads/v1/source"), any());
        ArgumentCaptor<String> keys = ArgumentCaptor.forClass(String.class);
        verify(storage, times(5)).upload(any(), keys.capture());
        assertThat(keys.getAllValues()).containsExactlyInAnyOrder("videos/v1/hls/a1/360p/segment_000.ts",
                "videos/v1/hls/a1/360p/index.m3u8", "videos/v1/hls/a1/720p/segment_000.ts",
                "videos/v1/hls/a1/poster.jpg", "videos/v1/hls/a1/master.m3u8");
        assertThat(keys.getValue()).isEqualTo("videos/v1/hls/a1/master.m3u8");
        assertThat(registry.get("vidlog.transcode.duration").tag("outcome", "succeeded").timer().count()).isOne();
        assertThat(workDir).isEmptyDirectory();
    }

    @Test
    void thePosterIsTakenWhileTheLadderIsEncoded() throws Exception {
        when(ffprobe.probe(any(), any())).thenReturn(new SourceVideo(1280, 720, 8.0, true));
        CountDownLatch posterStarted = new CountDownLatch(1);
        when(runner.run(anyList(), any(), any())).thenAnswer(invocation -> {
            List<String> command = invocation.getArgument(0);
            if (isLadder(command)) {
                assertThat(posterStarted.await(5, TimeUnit.SECONDS)).as("the poster started meanwhile").isTrue();
            } else {
                posterStarted.countDown();
            }
            writeOutputOf(command);
            return new ProcessResult(0, new StderrTail());
        });

        TranscodeResultMessage result = transcoder.transcode(REQUEST, progress::add);

        assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void aFailedPosterFailsTheAttemptAndPublishesNoMasterPlaylist() throws Exception {
        when(ffprobe.probe(any(), any())).thenReturn(new SourceVideo(1280, 720, 8.0, true));
        StderrTail stderr = new StderrTail();
        stderr.add("Output file is empty, nothing was encoded");
        when(runner.run(anyList(), any(), any())).thenAnswer(invocation -> {
            List<String> command = invocation.getArgument(0);
            writeOutputOf(command);
            return new ProcessResult(isLadder(command) ? 0 : 1, isLadder(command) ? new StderrTail() : stderr);
        });

        TranscodeResultMessage result = transcoder.transcode(REQUEST, progress::add);

        assertThat(result).isEqualTo(TranscodeResultMessage.failed("v1", "a1",
                "ffmpeg exited with code 1: Output file is empty, nothing was encoded", true));
        verify(storage, never()).upload(any(), eq("videos/v1/hls/a1/master.m3u8"));
        assertThat(workDir).isEmptyDirectory();
    }

    @Test
    void aSourceThatIsNoVideoFailsForGoodWithoutRunningFfmpeg() throws Exception {
        when(ffprobe.probe(any(), any())).thenThrow(new NotAVideoException("no video stream"));

        TranscodeResultMessage result = transcoder.transcode(REQUEST, progress::add);

        assertThat(result).isEqualTo(TranscodeResultMessage.failed("v1", "a1", "not a video", false));
        verify(runner, never()).run(anyList(), any(), any());
        verify(storage, never()).upload(any(), any());
        assertThat(registry.get("vidlog.transcode.failures").tag("reason", "not-a-video").counter().count()).isOne();
        assertThat(registry.get("vidlog.transcode.duration").tag("outcome", "failed").timer().count()).isOne();
        assertThat(workDir).isEmptyDirectory();
    }

    @Test
    void anFfmpegFailureIsRetryableAndSaysWhatFfmpegSaid() throws Exception {
        when(ffprobe.probe(any(), any())).thenReturn(new SourceVideo(1920, 1080, 6.0, true));
        StderrTail stderr = new StderrTail();
        stderr.add("[libx264 @ 0x5581] Error setting profile high.");
        stderr.add("Conversion failed!");
        when(runner.run(anyList(), any(), any())).thenReturn(new ProcessResult(234, stderr));

        TranscodeResultMessage result = transcoder.transcode(REQUEST, progress::add);

        assertThat(result).isEqualTo(TranscodeResultMessage.failed("v1", "a1",
                "ffmpeg exited with code 234: [libx264] Error setting profile high.", true));
        verify(storage, never()).upload(any(), any());
        assertThat(registry.get("vidlog.transcode.failures").tag("reason", "ffmpeg").counter().count()).isOne();
    }

    @Test
    void aTranscodeKilledAtTheDeadlineIsRetryable() throws Exception {
        when(ffprobe.probe(any(), any())).thenReturn(new SourceVideo(1920, 1080, 6.0, true));
        when(runner.run(anyList(), any(), any())).thenThrow(new DeadlinePassedException());

        TranscodeResultMessage result = transcoder.transcode(REQUEST, progress::add);

        assertThat(result).isEqualTo(TranscodeResultMessage.failed("v1", "a1", "deadline passed", true));
        assertThat(registry.get("vidlog.transcode.failures").tag("reason", "deadline").counter().count()).isOne();
    }

    @Test
    void anS3FailureIsRetryable() {
        doThrow(NoSuchKeyException.builder().message("The specified key does not exist.").build())
                .when(storage).download(any(), any());

        TranscodeResultMessage result = transcoder.transcode(REQUEST, progress::add);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.retryable()).isTrue();
        assertThat(result.reason()).isEqualTo("S3: The specified key does not exist.");
        verifyNoInteractions(ffprobe);
        assertThat(registry.get("vidlog.transcode.failures").tag("reason", "storage").counter().count()).isOne();
    }

    @Test
    void anUnexpectedErrorFailsTheAttemptInsteadOfHoldingUpItsRequest() throws Exception {
        when(ffprobe.probe(any(), any())).thenThrow(new IllegalStateException("a bug"));

        TranscodeResultMessage result = transcoder.transcode(REQUEST, progress::add);

        assertThat(result).isEqualTo(TranscodeResultMessage.failed("v1", "a1",
                "java.lang.IllegalStateException: a bug", true));
        assertThat(registry.get("vidlog.transcode.failures").tag("reason", "worker").counter().count()).isOne();
    }

    @Test
    void aStoppingWorkerReportsNothing() throws Exception {
        when(runner.isRunning()).thenReturn(false);

        assertThatThrownBy(() -> transcoder.transcode(REQUEST, progress::add))
                .isInstanceOf(WorkerStoppingException.class);
        verifyNoInteractions(storage, ffprobe);
        assertThat(Files.list(workDir)).isEmpty();
    }

    private static boolean isLadder(List<String> command) {
        return command.contains("-var_stream_map");
    }

    /** What FFmpeg would write: the poster, or a ladder of two variants with one segment each. */
    private static void writeOutputOf(List<String> command) throws Exception {
        Path lastArgument = Path.of(command.get(command.size() - 1));
        if (!isLadder(command)) {
            Files.writeString(lastArgument, "jpeg");
            return;
        }
        Path output = lastArgument.getParent().getParent();
        for (String variant : List.of("360p", "720p")) {
            Files.createDirectories(output.resolve(variant));
            Files.writeString(output.resolve(variant).resolve("segment_000.ts"), "segment");
        }
        Files.writeString(output.resolve("360p").resolve("index.m3u8"), "#EXTM3U");
        Files.writeString(output.resolve("master.m3u8"), "#EXTM3U");
    }
}
