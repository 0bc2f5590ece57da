package io.vidlog.mediaworker.storage;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The media bucket: sources come from it, HLS renditions go into it. S3 failures surface as {@code SdkException}. */
public final class MediaStorage {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "m3u8", "application/vnd.apple.mpegurl",
            "ts", "video/mp2t",
            "jpg", "image/jpeg");
    private static final String UNKNOWN_CONTENT_TYPE = "application/octet-stream";
    /** S3's limit for one DeleteObjects request. */
    private static final int MAX_KEYS_PER_DELETE = 1000;

    private final S3Client s3;
    private final String bucket;

    public MediaStorage(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public void download(String key, Path target) {
        s3.getObject(request -> request.bucket(bucket).key(key), ResponseTransformer.toFile(target));
    }

    /** Uploads {@code file} to {@code key}, with the content type of its extension. */
    public void upload(Path file, String key) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType(file.getFileName().toString())),
                RequestBody.fromFile(file));
    }

    /** Deletes {@code keys}, as many at once as S3 allows. */
    public void delete(Collection<String> keys) {
        List<ObjectIdentifier> objects = keys.stream().map(key -> ObjectIdentifier.builder().key(key).build()).toList();
        for (int from = 0; from < objects.size(); from += MAX_KEYS_PER_DELETE) {
            List<ObjectIdentifier> batch = objects.subList(from, Math.min(objects.size(), from + MAX_KEYS_PER_DELETE));
            s3.deleteObjects(request -> request.bucket(bucket).delete(delete -> delete.objects(batch).quiet(true)));
        }
    }

    static String contentType(String fileName) {
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, UNKNOWN_CONTENT_TYPE);
    }
}
