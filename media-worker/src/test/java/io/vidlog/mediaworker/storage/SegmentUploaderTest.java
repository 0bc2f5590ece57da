package io.vidlog.mediaworker.storage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** The HLS upload while FFmpeg writes the folder, on a stand-in for S3. */
class SegmentUploaderTest {

    private static final String PREFIX = "videos/v1/hls/a1/";
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @TempDir
    Path folder;

    private final S3Client s3 = mock(S3Client.class);
    private final MediaStorage storage = new MediaStorage(s3, "media");
    /** The PUTs in the order S3 received them. */
    private final List<PutObjectRequest> puts = new CopyOnWriteArrayList<>();
    private Path master;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        master = folder.resolve("master.m3u8");
        doAnswer(invocation -> {
            PutObjectRequest.Builder put = PutObjectRequest.builder();
            invocation.<Consumer<PutObjectRequest.Builder>>getArgument(0).accept(put);
            puts.add(put.build());
            return PutObjectResponse.builder().build();
        }).when(s3).putObject(any(Consumer.class), any(RequestBody.class));
    }

    @Test
    void everyFileGoesBelowThePrefixAndTheMasterPlaylistComesLast() throws Exception {
        write(master);
        write(folder.resolve("poster.jpg"));
        write(folder.resolve("360p").resolve("index.m3u8"));
        write(folder.resolve("360p").resolve("segment_000.ts"));
        write(folder.resolve("720p").resolve("segment_000.ts"));

        int uploaded;
        try (SegmentUploader uploader = SegmentUploader.start(storage, folder, PREFIX)) {
            uploaded = uploader.finish(master);
        }

        assertThat(uploaded).isEqualTo(5);
        assertThat(puts).hasSize(5).allSatisfy(put -> assertThat(put.bucket()).isEqualTo("media"));
        assertThat(puts.subList(0, 4)).extracting(PutObjectRequest::key, PutObjectRequest::contentType)
                .containsExactlyInAnyOrder(
                        tuple(PREFIX + "360p/index.m3u8", "application/vnd.apple.mpegurl"),
                        tuple(PREFIX + "360p/segment_000.ts", "video/mp2t"),
                        tuple(PREFIX + "720p/segment_000.ts", "video/mp2t"),
                        tuple(PREFIX + "poster.jpg", "image/jpeg"));
        assertThat(puts.get(4).key()).isEqualTo(PREFIX + "master.m3u8");
        assertThat(puts.get(4).contentType()).isEqualTo("application/vnd.apple.mpegurl");
        verify(s3, never()).deleteObjects(any(Consumer.class));
    }

    @Test
    void finishedSegmentsGoUpWhileTheLaterOnesAreWrittenAndEachFileOnce() throws Exception {
        try (SegmentUploader uploader = SegmentUploader.start(storage, folder, PREFIX)) {
            Path first = write(folder.resolve("360p").resolve("segment_000.ts.tmp"));
            Files.move(first, folder.resolve("360p").resolve("segment_000.ts"));
            awaitUploaded(PREFIX + "360p/segment_000.ts");

            write(folder.resolve("360p").resolve("segment_001.ts.tmp"));
            write(folder.resolve("720p").resolve("segment_000.ts"));
            awaitUploaded(PREFIX + "720p/segment_000.ts");
            Thread.sleep(SegmentUploader.POLL_INTERVAL.multipliedBy(2).toMillis());
            assertThat(keys()).as("segments being written").doesNotContain(PREFIX + "360p/segment_001.ts.tmp")
                    .hasSize(2);

            Files.move(folder.resolve("360p").resolve("segment_001.ts.tmp"),
                    folder.resolve("360p").resolve("segment_001.ts"));
            write(folder.resolve("360p").resolve("index.m3u8"));
            write(folder.resolve("720p").resolve("index.m3u8"));
            write(master);

            assertThat(uploader.finish(master)).isEqualTo(6);
        }

        assertThat(keys()).doesNotHaveDuplicates().containsExactlyInAnyOrder(PREFIX + "360p/segment_000.ts",
                PREFIX + "360p/segment_001.ts", PREFIX + "360p/index.m3u8", PREFIX + "720p/segment_000.ts",
                PREFIX + "720p/index.m3u8", PREFIX + "master.m3u8");
        assertThat(keys().get(keys().size() - 1)).isEqualTo(PREFIX + "master.m3u8");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPutThatFailedWhileFfmpegRanFailsTheUploadWhenItFinishes() throws Exception {
        S3Exception slowDown = (S3Exception) S3Exception.builder().message("Slow Down").statusCode(503).build();
        doAnswer(invocation -> {
            throw slowDown;
        }).when(s3).putObject(any(Consumer.class), any(RequestBody.class));

        try (SegmentUploader uploader = SegmentUploader.start(storage, folder, PREFIX)) {
            write(folder.resolve("360p").resolve("segment_000.ts"));
            Thread.sleep(SegmentUploader.POLL_INTERVAL.multipliedBy(2).toMillis());
            write(master);

            assertThatThrownBy(() -> uploader.finish(master)).isSameAs(slowDown);
        }
        // The segment's PUT only: no master playlist for an incomplete ladder.
        verify(s3, times(1)).putObject(any(Consumer.class), any(RequestBody.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAttemptThatFailsBeforeTheEndDeletesWhatItUploaded() throws Exception {
        try (SegmentUploader uploader = SegmentUploader.start(storage, folder, PREFIX)) {
            write(folder.resolve("360p").resolve("segment_000.ts"));
            awaitUploaded(PREFIX + "360p/segment_000.ts");
        }

        ArgumentCaptor<Consumer<DeleteObjectsRequest.Builder>> deletes = ArgumentCaptor.forClass(Consumer.class);
        verify(s3).deleteObjects(deletes.capture());
        DeleteObjectsRequest.Builder delete = DeleteObjectsRequest.builder();
        deletes.getValue().accept(delete);
        assertThat(delete.build().delete().objects()).extracting(ObjectIdentifier::key)
                .containsExactly(PREFIX + "360p/segment_000.ts");
        assertThat(keys()).containsExactly(PREFIX + "360p/segment_000.ts");
    }

    private List<String> keys() {
        return puts.stream().map(PutObjectRequest::key).toList();
    }

    private void awaitUploaded(String key) throws InterruptedException {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (!keys().contains(key)) {
            assertThat(System.nanoTime()).as("%s uploaded within %s", key, PATIENCE).isLessThan(giveUp);
            Thread.sleep(10);
        }
    }

    private static Path write(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, file.getFileName().toString());
    }
}
