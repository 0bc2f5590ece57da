package io.vidlog.mediaworker.storage;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
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
    void keysAreDeletedAThousandAtATimeAsS3Allows() {
        List<String> keys = IntStream.range(0, 1001).mapToObj(i -> "videos/v1/hls/a1/360p/segment_" + i + ".ts")
                .toList();

        storage.delete(keys);

        ArgumentCaptor<Consumer<DeleteObjectsRequest.Builder>> requests = ArgumentCaptor.forClass(Consumer.class);
        verify(s3, times(2)).deleteObjects(requests.capture());
        List<DeleteObjectsRequest> deletes = requests.getAllValues().stream().map(customizer -> {
            DeleteObjectsRequest.Builder builder = DeleteObjectsRequest.builder();
            customizer.accept(builder);
            return builder.build();
        }).toList();
        assertThat(deletes).allSatisfy(delete -> assertThat(delete.bucket()).isEqualTo("media"));
        assertThat(deletes.get(0).delete().objects()).hasSize(1000);
        assertThat(deletes.get(1).delete().objects()).extracting(ObjectIdentifier::key)
                .containsExactly("videos/v1/hls/a1/360p/segment_1000.ts");
    }
}
