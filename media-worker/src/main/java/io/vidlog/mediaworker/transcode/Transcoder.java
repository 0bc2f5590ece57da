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
import io.vidlog.mediaworker.storage.SegmentUploader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Transcodes one attempt: downloads the source, probes it, encodes the HLS ladder and a poster in a work folder of
 * the attempt, uploads them under the attempt's output prefix (the segments while the ladder is encoded) and says how
 * it went. Kafka is not its business; it can be called directly.
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

        Path output = Files.createDirectories(workDir.resolve("hls"));
        Path master = output.resolve(FfmpegCommands.MASTER_PLAYLIST);
        // The segments go up while the later ones are encoded; a failed attempt's are deleted again (best effort).
        try (SegmentUploader upload = SegmentUploader.start(storage, output, request.outputPrefix())) {
            Encoding encoding = encode(source, video, rungs, output, request, progress);
            if (!clock.instant().isBefore(request.deadline())) {
                throw new DeadlinePassedException();
            }
            long uploadStarted = System.nanoTime();
            int files = upload.finish(master);
            log.info("Transcoded video {} attempt {}: {} s of video encoded in {} s ({}x real time); download {} s; "
                            + "after the encode: poster {} s, upload of {} files to {} {} s", request.videoId(),
                    request.attemptId(), video.durationSeconds(), seconds(encoding.ladderSeconds()),
                    String.format(Locale.ROOT, "%.2f", video.durationSeconds() / encoding.ladderSeconds()),
                    seconds(downloadSeconds), seconds(encoding.posterWaitSeconds()), files, request.outputPrefix(),
                    seconds(secondsSince(uploadStarted)));
        }
        return TranscodeResultMessage.succeeded(request.videoId(), request.attemptId(), video.durationSeconds(),
                request.outputPrefix() + FfmpegCommands.MASTER_PLAYLIST, request.outputPrefix() + POSTER,
                rungs.stream().map(Rung::rendition).toList());
    }

    /**
     * Encodes the ladder into {@code output} and, meanwhile, the poster: it is taken from the source, so it needs not
     * wait for the ladder, and it is short.
     */
    private Encoding encode(Path source, SourceVideo video, List<Rung> rungs, Path output,
                            TranscodeRequestedEvent request, Consumer<TranscodeResultMessage> progress)
            throws IOException, DeadlinePassedException, InterruptedException, TranscodeFailure {
        long started = System.nanoTime();
        Future<ProcessResult> poster = inBackground("ffmpeg poster " + request.attemptId(),
                ffmpeg.poster(source, posterAt(video), rungs.get(rungs.size() - 1), output.resolve(POSTER)),
                request.deadline());
        try {
            check("ffmpeg", runner.run(ffmpeg.hlsLadder(source, video, rungs, output), request.deadline(),
                    progressReports(request, video, progress)));
            double ladderSeconds = secondsSince(started);
            long ladderEnded = System.nanoTime();
            check("ffmpeg (poster)", resultOf(poster));
            return new Encoding(ladderSeconds, secondsSince(ladderEnded));
        } finally {
            // Nothing to do once the poster is done; when the ladder failed, the runner kills the poster's FFmpeg.
            poster.cancel(true);
        }
    }

    /** How long the ladder took, and how long the poster took after it. */
    private record Encoding(double ladderSeconds, double posterWaitSeconds) {
    }

    private double posterAt(SourceVideo video) {
        return Math.min(settings.posterAt().toMillis() / 1000.0, video.durationSeconds() / 2);
    }

    /** Hands {@code progress} a report now and then, from FFmpeg's progress lines. */
    private Consumer<String> progressReports(TranscodeRequestedEvent request, SourceVideo video,
                                             Consumer<TranscodeResultMessage> progress) {
        ProgressParser parser = new ProgressParser(video.durationSeconds());
        ProgressThrottle throttle = new ProgressThrottle(settings.progressStepPercent(), settings.progressInterval(),
                clock);
        return line -> parser.percent(line).ifPresent(percent -> {
            if (throttle.admits(percent)) {
                progress.accept(TranscodeResultMessage.progress(request.videoId(), request.attemptId(), percent));
            }
        });
    }

    /**
     * Runs {@code command} on a thread of its own. The process runner is safe to call from several threads, and
     * cancelling the future interrupts the runner, which then kills the process.
     */
    private Future<ProcessResult> inBackground(String name, List<String> command, Instant deadline) {
        FutureTask<ProcessResult> run = new FutureTask<>(() -> runner.run(command, deadline, line -> { }));
        Thread thread = new Thread(run, name);
        thread.setDaemon(true);
        thread.start();
        return run;
    }

    private static ProcessResult resultOf(Future<ProcessResult> run)
            throws IOException, DeadlinePassedException, InterruptedException {
        try {
            return run.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException failure) {
                throw failure;
            }
            if (cause instanceof DeadlinePassedException deadlinePassed) {
                throw deadlinePassed;
            }
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static double secondsSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }

    private static void check(String what, ProcessResult result) throws TranscodeFailure {
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
