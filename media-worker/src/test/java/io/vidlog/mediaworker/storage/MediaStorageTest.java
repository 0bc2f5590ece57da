package io.vidlog.mediaworker.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class MediaStorageTest {

    private final S3Client s3 = mock(S3Client.class);
    private final MediaStorage storage = new MediaStorage(s3, "media");

    @Test
    void playersGetTheContentTypesOfHls() {
        assertThat(MediaStorage.contentType("master.m3u8")).isEqualTo("application/vnd.apple.mpegurl");
        assertThat(MediaStorage.contentType("segment_000.ts")).isEqualTo("video/mp2t");
        assertThat(MediaStorage.contentType("poster.jpg")).isEqualTo("image/jpeg");
        assertThat(MediaStorage.contentType("notes")).isEqualTo("application/octet-stream");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFileGoesBelowThePrefixAndTheMasterPlaylistComesLast(@TempDir Path folder) throws Exception {
        Path master = write(folder.resolve("master.m3u8"));
        write(folder.resolve("poster.jpg"));
        write(folder.resolve("360p").resolve("index.m3u8"));
        write(folder.resolve("360p").resolve("segment_000.ts"));
        write(folder.resolve("720p").resolve("segment_000.ts"));

        int uploaded = storage.uploadFolder(folder, "videos/v1/hls/a1/", master);

        ArgumentCaptor<Consumer<PutObjectRequest.Builder>> requests = ArgumentCaptor.forClass(Consumer.class);
        verify(s3, times(5)).putObject(requests.capture(), any(RequestBody.class));
        List<PutObjectRequest> puts = requests.getAllValues().stream().map(MediaStorageTest::build).toList();
        assertThat(uploaded).isEqualTo(5);
        assertThat(puts).allSatisfy(put -> assertThat(put.bucket()).isEqualTo("media"));
        assertThat(puts.subList(0, 4)).extracting(PutObjectRequest::key, PutObjectRequest::contentType)
                .containsExactlyInAnyOrder(
                        tuple("videos/v1/hls/a1/360p/index.m3u8", "application/vnd.apple.mpegurl"),
                        tuple("videos/v1/hls/a1/360p/segment_000.ts", "video/mp2t"),
                        tuple("videos/v1/hls/a1/720p/segment_000.ts", "video/mp2t"),
                        tuple("videos/v1/hls/a1/poster.jpg", "image/jpeg"));
        assertThat(puts.get(4).key()).isEqualTo("videos/v1/hls/a1/master.m3u8");
        assertThat(puts.get(4).contentType()).isEqualTo("application/vnd.apple.mpegurl");
    }

    private static PutObjectRequest build(Consumer<PutObjectRequest.Builder> customizer) {
        PutObjectRequest.Builder builder = PutObjectRequest.builder();
        customizer.accept(builder);
        return builder.build();
    }

    private static Path write(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, file.getFileName().toString());
    }
}
