package io.vidlog.command.upload;

import io.vidlog.api.upload.CompleteVideoUploadRequest;
import io.vidlog.api.upload.VideoUploadResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The S3 side of source uploads: a multipart upload per video, whose parts the creator PUTs straight to S3 through
 * presigned URLs, so the bytes never pass through the application. Each video has one source object; a new upload
 * replaces an unfinished one (S3's lifecycle rule for incomplete multipart uploads cleans those up).
 */
@Component
class SourceStorage {

    private static final int HTTP_BAD_REQUEST = 400;
    private static final int HTTP_NOT_FOUND = 404;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final UploadSettings settings;
    private final Clock clock;

    SourceStorage(S3Client s3, S3Presigner presigner, @Value("${vidlog.s3.bucket}") String bucket,
                  UploadSettings settings) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    static String sourceKey(String videoId) {
        return "videos/" + videoId + "/source";
    }

    String open(String videoId, String contentType) {
        return s3.createMultipartUpload(create -> create.bucket(bucket).key(sourceKey(videoId))
                .contentType(contentType)).uploadId();
    }

    VideoUploadResponse presignParts(String videoId, String uploadId, long sizeBytes) {
        long partSize = settings.partSizeFor(sizeBytes);
        int partCount = Math.toIntExact(-Math.floorDiv(-sizeBytes, partSize));
        Instant expiresAt = clock.instant().plus(settings.urlTtl());
        List<VideoUploadResponse.Part> parts = IntStream.rangeClosed(1, partCount)
                .mapToObj(partNumber -> new VideoUploadResponse.Part(partNumber, presigner.presignUploadPart(presign -> presign
                        .signatureDuration(settings.urlTtl())
                        .uploadPartRequest(part -> part.bucket(bucket).key(sourceKey(videoId)).uploadId(uploadId)
                                .partNumber(partNumber))).url().toString()))
                .toList();
        return new VideoUploadResponse(uploadId, partSize, parts, expiresAt);
    }

    /**
     * Completes the multipart upload and answers the stored object's size. Completing an upload that S3 no longer
     * knows is fine when the object is there: a repeated complete request.
     */
    long complete(String videoId, CompleteVideoUploadRequest request) {
        List<CompletedPart> parts = request.parts().stream()
                .sorted(Comparator.comparing(CompleteVideoUploadRequest.Part::partNumber))
                .map(part -> CompletedPart.builder().partNumber(part.partNumber()).eTag(part.etag()).build())
                .toList();
        try {
            s3.completeMultipartUpload(complete -> complete.bucket(bucket).key(sourceKey(videoId))
                    .uploadId(request.uploadId()).multipartUpload(upload -> upload.parts(parts)));
        } catch (NoSuchUploadException e) {
            return storedSize(videoId).orElseThrow(() -> new UploadRejectedException(HttpStatus.CONFLICT,
                    "Upload " + request.uploadId() + " does not exist or was aborted"));
        } catch (S3Exception e) {
            if (e.statusCode() != HTTP_BAD_REQUEST) {
                throw e;
            }
            // S3-compatible servers answer a repeated complete with 400 rather than NoSuchUpload: the stored object
            // shows the upload did complete, and the Video aggregate decides whether it was this upload.
            return storedSize(videoId).orElseThrow(() -> new UploadRejectedException(HttpStatus.BAD_REQUEST,
                    "S3 refused to complete the upload with these parts" + reason(e)));
        }
        return storedSize(videoId).orElseThrow(() -> new IllegalStateException(
                "S3 completed upload " + request.uploadId() + " but holds no object for video " + videoId));
    }

    private static String reason(S3Exception e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : " (" + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage() + ")";
    }

    private Optional<Long> storedSize(String videoId) {
        try {
            return Optional.of(s3.headObject(head -> head.bucket(bucket).key(sourceKey(videoId)))
                    .contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == HTTP_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    void abort(String videoId, String uploadId) {
        try {
            s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(sourceKey(videoId)).uploadId(uploadId));
        } catch (NoSuchUploadException e) {
            // already aborted or completed: nothing left to clean up
        }
    }
}
