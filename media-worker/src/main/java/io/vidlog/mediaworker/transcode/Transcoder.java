package io.vidlog.mediaworker.transcode;

import io.vidlog.api.transcode.TranscodeRequestedEvent;
import io.vidlog.api.transcode.TranscodeResultMessage;
import io.vidlog.mediaworker.ffmpeg.FfmpegCommands;
import io.vidlog.mediaworker.ffmpeg.ProgressParser;
import io.vidlog.mediaworker.ffmpeg.ProgressThrottle;
import io.vidlog.mediaworker.ladder.LadderPlanner;
import io.vidlog.mediaworker.ladder.Rung;
import io.vidlog.mediaworker.probe.Ffprobe;
import io.vidlog.mediaworker.probe.NotAVideoException;
import io.vidlog.mediaworker.probe.SourceVideo;
import io.vidlog.mediaworker.process.DeadlinePassedException;
import io.vidlog.mediaworker.process.ProcessResult;
import io.vidlog.mediaworker.process.ProcessRunner;
import io.vidlog.mediaworker.process.WorkerStoppingException;
import io.vidlog.mediaworker.storage.MediaStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Transcodes one attempt: downloads the source, probes it, encodes the HLS ladder and a poster in a work folder of
 * the attempt, uploads them under the attempt's output prefix and says how it went. Kafka is not its business; it can
 * be called directly.
 */
public class Transcoder {

    public static final String POSTER = "poster.jpg";
    private static final Logger log = LoggerFactory.getLogger(Transcoder.class);

    private final MediaStorage storage;
    private final Ffprobe ffprobe;
    private final FfmpegCommands ffmpeg;
    private final ProcessRunner runner;
    private final TranscodeMetrics metrics;
    private final TranscodeSettings settings;
    private final LadderPlanner planner = new LadderPlanner();
    private final Clock clock = Clock.systemUTC();

    public Transcoder(MediaStorage storage, Ffprobe ffprobe, FfmpegCommands ffmpeg, ProcessRunner runner,
                      TranscodeMetrics metrics, TranscodeSettings settings) {
        this.storage = storage;
        this.ffprobe = ffprobe;
        this.ffmpeg = ffmpeg;
        this.runner = runner;
        this.metrics = metrics;
        this.settings = settings;
    }

    /**
     * Runs the attempt to its end, in the calling thread.
     *
     * @param progress receives {@code PROGRESS} messages while FFmpeg runs, from another thread
     * @return the attempt's outcome: {@code SUCCEEDED} or {@code FAILED}
     * @throws WorkerStoppingException when the application stops meanwhile: the attempt has no outcome
     */
    public TranscodeResultMessage transcode(TranscodeRequestedEvent request, Consumer<TranscodeResultMessage> progress) {
        if (!runner.isRunning()) {
            throw new WorkerStoppingException();
        }
        long started = System.nanoTime();
        TranscodeResultMessage result;
        try (WorkDir workDir = workDir(request)) {
            result = transcodeIn(workDir.path(), request, progress);
        } catch (TranscodeFailure failure) {
            log.warn("Transcode of video {} attempt {} failed ({}): {}", request.videoId(), request.attemptId(),
                    failure.kind().tag(), failure.getMessage());
            metrics.failed(failure.kind());
            result = TranscodeResultMessage.failed(request.videoId(), request.attemptId(), failure.getMessage(),
                    failure.kind().retryable());
        }
        metrics.finished(result.outcome(), Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    private WorkDir workDir(TranscodeRequestedEvent request) throws TranscodeFailure {
        try {
            return WorkDir.create(settings.workDir(), request.attemptId());
        } catch (IOException e) {
            throw new TranscodeFailure(FailureKind.WORKER, "no work folder: " + e);
        }
    }

    private TranscodeResultMessage transcodeIn(Path workDir, TranscodeRequestedEvent request,
                                               Consumer<TranscodeResultMessage> progress) throws TranscodeFailure {
        try {
            return encodeAndUpload(workDir, request, progress);
        } catch (NotAVideoException e) {
            log.info("Video {} attempt {}: the source {} is not a video ({})", request.videoId(), request.attemptId(),
                    request.sourceKey(), e.getMessage());
            throw new TranscodeFailure(FailureKind.NOT_A_VIDEO, NotAVideoException.REASON);
        } catch (DeadlinePassedException e) {
            throw new TranscodeFailure(FailureKind.DEADLINE, DeadlinePassedException.REASON);
        } catch (SdkException e) {
            throw new TranscodeFailure(FailureKind.STORAGE, "S3: " + e.getMessage());
        } catch (IOException e) {
            throw new TranscodeFailure(FailureKind.WORKER, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerStoppingException();
        } catch (WorkerStoppingException e) {
            throw e;
        } catch (RuntimeException e) {
            // Reported rather than thrown: a request that always throws would be redelivered forever and hold up its
            // partition, where a failed attempt lets the saga retry and finally give up.
            log.error("Transcode of video {} attempt {} broke", request.videoId(), request.attemptId(), e);
            throw new TranscodeFailure(FailureKind.WORKER, e.toString());
        }
    }

    private TranscodeResultMessage encodeAndUpload(Path workDir, TranscodeRequestedEvent request,
                                                   Consumer<TranscodeResultMessage> progress)
            throws NotAVideoException, DeadlinePassedException, IOException, InterruptedException, TranscodeFailure {
        Path source = workDir.resolve("source");
        long downloadStarted = System.nanoTime();
        storage.download(request.sourceKey(), source);
        double downloadSeconds = secondsSince(downloadStarted);
        SourceVideo video = ffprobe.probe(source, request.deadline());
        List<Rung> rungs = planner.plan(video.width(), video.height());
        log.info("Transcoding video {} attempt {}: {}x{}, {} s{} into {}", request.videoId(), request.attemptId(),
                video.width(), video.height(), video.durationSeconds(), video.hasAudio() ? "" : " without sound",
                describe(rungs));

        Path output = workDir.resolve("hls");
        long encodingStarted = System.nanoTime();
        ProgressParser parser = new ProgressParser(video.durationSeconds());
        ProgressThrottle throttle = new ProgressThrottle(settings.progressStepPercent(), settings.progressInterval(),
                clock);
        run("ffmpeg", ffmpeg.hlsLadder(source, video, rungs, output), request.deadline(),
                line -> parser.percent(line).ifPresent(percent -> {
                    if (throttle.admits(percent)) {
                        progress.accept(TranscodeResultMessage.progress(request.videoId(), request.attemptId(), percent));
                    }
                }));
        double encodingSeconds = secondsSince(encodingStarted);

        long posterStarted = System.nanoTime();
        Path poster = output.resolve(POSTER);
        double posterAt = Math.min(settings.posterAt().toMillis() / 1000.0, video.durationSeconds() / 2);
        run("ffmpeg (poster)", ffmpeg.poster(source, posterAt, rungs.get(rungs.size() - 1), poster),
                request.deadline(), line -> { });

        if (!clock.instant().isBefore(request.deadline())) {
            throw new DeadlinePassedException();
        }
        double posterSeconds = secondsSince(posterStarted);
        Path master = output.resolve(FfmpegCommands.MASTER_PLAYLIST);
        long uploadStarted = System.nanoTime();
        int files = storage.uploadFolder(output, request.outputPrefix(), master);
        log.info("Transcoded video {} attempt {}: {} s of video encoded in {} s ({}x real time); download {} s, "
                        + "poster {} s, upload of {} files to {} {} s", request.videoId(), request.attemptId(),
                video.durationSeconds(), seconds(encodingSeconds),
                String.format(Locale.ROOT, "%.2f", video.durationSeconds() / encodingSeconds),
                seconds(downloadSeconds), seconds(posterSeconds), files, request.outputPrefix(),
                seconds(secondsSince(uploadStarted)));
        return TranscodeResultMessage.succeeded(request.videoId(), request.attemptId(), video.durationSeconds(),
                request.outputPrefix() + FfmpegCommands.MASTER_PLAYLIST, request.outputPrefix() + POSTER,
                rungs.stream().map(Rung::rendition).toList());
    }

    private static double secondsSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }

    private void run(String what, List<String> command, Instant deadline, Consumer<String> stdout)
            throws IOException, DeadlinePassedException, InterruptedException, TranscodeFailure {
        ProcessResult result = runner.run(command, deadline, stdout);
        if (!result.succeeded()) {
            log.warn("{} exited with code {}; the end of its output:\n{}", what, result.exitCode(),
                    String.join("\n", result.stderr().lines()));
            throw new TranscodeFailure(FailureKind.FFMPEG, result.failureReason("ffmpeg"));
        }
    }

    private static String describe(List<Rung> rungs) {
        return rungs.stream().map(rung -> rung.name() + " " + rung.width() + "x" + rung.height())
                .collect(Collectors.joining(", "));
    }
}
