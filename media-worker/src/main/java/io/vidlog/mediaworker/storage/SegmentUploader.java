package io.vidlog.mediaworker.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Uploads an HLS folder while FFmpeg writes it, so that little is left to upload when FFmpeg ends: each finished
 * segment as soon as it appears, everything else once FFmpeg is done, and the master playlist last of all, so that
 * whoever finds the master playlist finds everything it refers to. Each file is uploaded once.
 * <p>
 * FFmpeg must write each segment under a temporary name and rename it when it is complete ({@code -hls_flags
 * temp_file}): a file named {@code *.ts} is then whole.
 */
public final class SegmentUploader implements AutoCloseable {

    /** A segment takes seconds to encode: finding it a fraction of a second later costs nothing. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(SegmentUploader.class);
    private static final String SEGMENT_SUFFIX = ".ts";
    /** Segments are small: a few PUTs at once hide each one's round trip. */
    private static final int PARALLEL_UPLOADS = 4;
    /** How long a failed attempt waits for its PUTs under way before it deletes what was uploaded. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

    private final MediaStorage storage;
    private final Path folder;
    private final String prefix;
    private final ScheduledExecutorService poller;
    private final ExecutorService uploads = Executors.newFixedThreadPool(PARALLEL_UPLOADS, daemon("segment upload"));
    private final Set<Path> taken = ConcurrentHashMap.newKeySet();
    private final Set<String> uploadedKeys = ConcurrentHashMap.newKeySet();
    /** Kept for {@link #finish}: a PUT fails on a thread of the pool, the attempt fails in the caller's. */
    private final AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
    private volatile boolean cancelled;
    private boolean finished;

    private SegmentUploader(MediaStorage storage, Path folder, String prefix) {
        this.storage = storage;
        this.folder = folder;
        this.prefix = prefix;
        this.poller = Executors.newSingleThreadScheduledExecutor(daemon("segment poller"));
    }

    /** Starts uploading the finished segments that appear below {@code folder}, to {@code prefix} plus their path. */
    public static SegmentUploader start(MediaStorage storage, Path folder, String prefix) {
        SegmentUploader uploader = new SegmentUploader(storage, folder, prefix);
        uploader.poller.scheduleWithFixedDelay(uploader::uploadFinishedSegments, 0, POLL_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        return uploader;
    }

    /**
     * Once FFmpeg is done: uploads every file not uploaded yet, then {@code lastFile}.
     *
     * @return how many files were uploaded in all
     * @throws software.amazon.awssdk.core.exception.SdkException the first PUT that failed, wherever it ran
     */
    public int finish(Path lastFile) throws IOException, InterruptedException {
        poller.shutdown();
        // A look at the folder under way ends in moments.
        poller.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        uploadNew(files(file -> !file.equals(lastFile)));
        uploads.shutdown();
        // Each PUT is bounded by the S3 client's own timeouts.
        uploads.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        if (firstFailure.get() != null) {
            throw firstFailure.get();
        }
        storage.upload(lastFile, key(lastFile));
        finished = true;
        return taken.size() + 1;
    }

    /**
     * When the attempt failed before {@link #finish} (FFmpeg, the deadline, S3, the worker stopping): stops uploading,
     * lets the PUTs under way end and deletes what was uploaded. Best effort: objects left over (a delete that failed, a
     * worker that died) do no harm, as the prefix is the attempt's own and no master playlist refers to them.
     */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        cancelled = true;
        poller.shutdownNow();
        uploads.shutdown();
        try {
            if (!uploads.awaitTermination(CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Uploads to {} still running {} after the attempt failed", prefix, CANCEL_WAIT);
            }
            if (!uploadedKeys.isEmpty()) {
                storage.delete(uploadedKeys);
                log.info("Deleted the {} files the failed attempt had uploaded to {}", uploadedKeys.size(), prefix);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SdkException e) {
            log.warn("Could not delete the {} files of the failed attempt under {}: {}", uploadedKeys.size(), prefix,
                    e.getMessage());
        }
    }

    private void uploadFinishedSegments() {
        try {
            uploadNew(files(file -> file.getFileName().toString().endsWith(SEGMENT_SUFFIX)));
        } catch (IOException | UncheckedIOException e) {
            // A temporary file renamed while the folder was read: the next round sees the folder as it is now.
            log.debug("Could not list {}: {}", folder, e.toString());
        }
    }

    private void uploadNew(List<Path> files) {
        for (Path file : files) {
            if (taken.add(file)) {
                uploads.execute(() -> upload(file));
            }
        }
    }

    private void upload(Path file) {
        if (cancelled || firstFailure.get() != null) {
            return;
        }
        try {
            String key = key(file);
            storage.upload(file, key);
            uploadedKeys.add(key);
        } catch (RuntimeException e) {
            firstFailure.compareAndSet(null, e);
        }
    }

    private String key(Path file) {
        return prefix + folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private List<Path> files(Predicate<Path> which) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(which).sorted().toList();
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
