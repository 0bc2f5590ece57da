package io.vidlog.mediaworker.storage;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** The media bucket: sources come from it, HLS renditions go into it. S3 failures surface as {@code SdkException}. */
public final class MediaStorage {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "m3u8", "application/vnd.apple.mpegurl",
            "ts", "video/mp2t",
            "jpg", "image/jpeg");
    private static final String UNKNOWN_CONTENT_TYPE = "application/octet-stream";
    /** Segments are small: a few PUTs at once hide each one's round trip. */
    private static final int PARALLEL_UPLOADS = 4;

    private final S3Client s3;
    private final String bucket;

    public MediaStorage(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public void download(String key, Path target) {
        s3.getObject(request -> request.bucket(bucket).key(key), ResponseTransformer.toFile(target));
    }

    /**
     * Uploads every file below {@code folder} to {@code prefix} plus its relative path, several at once, and
     * {@code lastFile} after all others: whoever finds that file (the master playlist) finds everything it refers to.
     *
     * @return how many files were uploaded
     */
    public int uploadFolder(Path folder, String prefix, Path lastFile) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(file -> !file.equals(lastFile)).sorted().toList();
        }
        ExecutorService uploads = Executors.newFixedThreadPool(PARALLEL_UPLOADS);
        try {
            List<Future<?>> pending = files.stream()
                    .<Future<?>>map(file -> uploads.submit(() -> upload(file, prefix + relativeKey(folder, file))))
                    .toList();
            for (Future<?> upload : pending) {
                awaitUpload(upload);
            }
        } finally {
            uploads.shutdownNow();
        }
        upload(lastFile, prefix + relativeKey(folder, lastFile));
        return files.size() + 1;
    }

    private static void awaitUpload(Future<?> upload) throws IOException {
        try {
            upload.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while uploading the renditions");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IOException(e.getCause());
        }
    }

    private void upload(Path file, String key) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType(file.getFileName().toString())),
                RequestBody.fromFile(file));
    }

    private static String relativeKey(Path folder, Path file) {
        return folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    static String contentType(String fileName) {
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, UNKNOWN_CONTENT_TYPE);
    }
}
