package io.vidlog.command.video;

import io.vidlog.api.transcode.CompleteTranscodeCommand;
import io.vidlog.api.transcode.FailTranscodeCommand;
import io.vidlog.api.transcode.MarkVideoFailedCommand;
import io.vidlog.api.transcode.RecordTranscodeProgressCommand;
import io.vidlog.api.transcode.RequestTranscodeCommand;
import io.vidlog.api.transcode.RetranscodeVideoCommand;
import io.vidlog.api.transcode.TranscodeFailedEvent;
import io.vidlog.api.transcode.TranscodeProgressedEvent;
import io.vidlog.api.transcode.TranscodeRequestedEvent;
import io.vidlog.api.transcode.TranscodeSucceededEvent;
import io.vidlog.api.transcode.VideoRetranscodeRequestedEvent;
import io.vidlog.api.transcode.VideoTranscodingFailedEvent;
import io.vidlog.api.upload.AbortVideoUploadCommand;
import io.vidlog.api.upload.CompleteVideoUploadCommand;
import io.vidlog.api.upload.StartVideoUploadCommand;
import io.vidlog.api.upload.VideoUploadAbortedEvent;
import io.vidlog.api.upload.VideoUploadStartedEvent;
import io.vidlog.api.upload.VideoUploadedEvent;
import io.vidlog.api.video.CreateVideoCommand;
import io.vidlog.api.video.DeleteVideoCommand;
import io.vidlog.api.video.EditVideoCommand;
import io.vidlog.api.video.PublishVideoCommand;
import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoDeletedEvent;
import io.vidlog.api.video.VideoEditedEvent;
import io.vidlog.api.video.VideoPublishedEvent;
import io.vidlog.api.video.VideoStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A video's lifecycle and metadata: DRAFT → UPLOADING → UPLOADED → TRANSCODING → READY | FAILED, or DELETED. Its
 * owner is the creator who made it; only the owner uploads, the owner or an admin edits or deletes it. Every command
 * repeated changes nothing and emits nothing, so retries and redelivered worker results are harmless: results of an
 * attempt that is no longer the current one, or that already ended, are ignored.
 */
@Aggregate(repository = "videoRepository")
public class Video {

    private static final Set<VideoStatus> RETRANSCODABLE = EnumSet.of(VideoStatus.UPLOADED, VideoStatus.READY,
            VideoStatus.FAILED);

    @AggregateIdentifier
    private String videoId;
    private String ownerId;
    private VideoStatus status;
    private String title;
    private String description;
    private List<String> tags;
    private Upload upload;
    private Attempt attempt;
    private String manifestKey;

    /** The source file: being uploaded, or (once {@code complete}) in S3. */
    private record Upload(String uploadId, String sourceKey, String contentType, long sizeBytes, boolean complete) {
    }

    /** The current transcode attempt; {@code open} until its outcome is known. */
    private record Attempt(String attemptId, int number, int percent, boolean open) {

        boolean accepts(String reportedAttemptId) {
            return open && attemptId.equals(reportedAttemptId);
        }
    }

    protected Video() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Video(CreateVideoCommand command) {
        apply(new VideoCreatedEvent(command.videoId(), command.ownerId(), command.title(),
                Objects.requireNonNullElse(command.description(), ""), VideoTags.normalize(command.tags()),
                command.videoType()));
    }

    @CommandHandler
    public void handle(EditVideoCommand command) {
        requireNotDeleted();
        requireOwnerOrAdmin(command.requestedBy(), command.requestedByAdmin());
        String newTitle = Objects.requireNonNullElse(command.title(), title);
        String newDescription = Objects.requireNonNullElse(command.description(), description);
        List<String> newTags = command.tags() == null ? tags : VideoTags.normalize(command.tags());
        if (newTitle.equals(title) && newDescription.equals(description) && newTags.equals(tags)) {
            return;
        }
        apply(new VideoEditedEvent(videoId, newTitle, newDescription, newTags));
    }

    @CommandHandler
    public void handle(DeleteVideoCommand command) {
        if (status == VideoStatus.DELETED) {
            return;
        }
        requireOwnerOrAdmin(command.requestedBy(), command.requestedByAdmin());
        apply(new VideoDeletedEvent(videoId, ownerId));
    }

    /** A new upload replaces one still in progress (a creator restarting after a broken connection). */
    @CommandHandler
    public void handle(StartVideoUploadCommand command) {
        requireNotDeleted();
        requireOwner(command.requestedBy());
        if (status != VideoStatus.DRAFT && status != VideoStatus.UPLOADING) {
            throw new VideoStateException(videoId, status, "a source file can only be uploaded to a new video");
        }
        apply(new VideoUploadStartedEvent(videoId, command.uploadId(), command.sourceKey(), command.fileName(),
                command.contentType(), command.sizeBytes()));
    }

    @CommandHandler
    public void handle(CompleteVideoUploadCommand command) {
        requireNotDeleted();
        requireOwner(command.requestedBy());
        if (upload == null || !upload.uploadId().equals(command.uploadId())) {
            throw new VideoStateException(videoId, status, "upload " + command.uploadId() + " is not in progress");
        }
        if (upload.complete()) {
            return;
        }
        if (upload.sizeBytes() != command.sizeBytes()) {
            throw new IllegalArgumentException("The uploaded file has " + command.sizeBytes()
                    + " bytes, but " + upload.sizeBytes() + " were announced");
        }
        apply(new VideoUploadedEvent(videoId, ownerId, upload.uploadId(), upload.sourceKey(), upload.contentType(),
                upload.sizeBytes()));
    }

    /** Answers the id of the aborted upload, for S3 to drop its parts; {@code null} when there was none. */
    @CommandHandler
    public String handle(AbortVideoUploadCommand command) {
        requireNotDeleted();
        requireOwner(command.requestedBy());
        if (status == VideoStatus.DRAFT) {
            return null;
        }
        if (status != VideoStatus.UPLOADING) {
            throw new VideoStateException(videoId, status, "only an upload in progress can be aborted");
        }
        String abortedUploadId = upload.uploadId();
        apply(new VideoUploadAbortedEvent(videoId, abortedUploadId, upload.sourceKey()));
        return abortedUploadId;
    }

    @CommandHandler
    public void handle(RequestTranscodeCommand command) {
        requireNotDeleted();
        if (upload == null || !upload.complete()) {
            throw new VideoStateException(videoId, status, "nothing was uploaded to transcode");
        }
        if (attempt != null && attempt.attemptId().equals(command.attemptId())) {
            return;
        }
        apply(new TranscodeRequestedEvent(videoId, command.attemptId(), command.attempt(), upload.sourceKey(),
                upload.sizeBytes(), "videos/" + videoId + "/hls/" + command.attemptId() + "/", command.deadline()));
    }

    @CommandHandler
    public void handle(RecordTranscodeProgressCommand command) {
        if (attempt == null || !attempt.accepts(command.attemptId()) || command.percent() <= attempt.percent()) {
            return;
        }
        apply(new TranscodeProgressedEvent(videoId, attempt.attemptId(), attempt.number(),
                Math.min(command.percent(), 100)));
    }

    @CommandHandler
    public void handle(CompleteTranscodeCommand command) {
        if (attempt == null || !attempt.accepts(command.attemptId())) {
            return;
        }
        apply(new TranscodeSucceededEvent(videoId, attempt.attemptId(), attempt.number(), command.durationSeconds(),
                command.manifestKey(), command.posterKey(), command.renditions()));
    }

    @CommandHandler
    public void handle(FailTranscodeCommand command) {
        if (attempt == null || !attempt.accepts(command.attemptId())) {
            return;
        }
        apply(new TranscodeFailedEvent(videoId, attempt.attemptId(), attempt.number(), command.reason(),
                command.retryable()));
    }

    /** Publishing the same media twice changes nothing; a re-transcoded ladder replaces the old one. */
    @CommandHandler
    public void handle(PublishVideoCommand command) {
        requireNotDeleted();
        if (status == VideoStatus.READY && Objects.equals(manifestKey, command.manifestKey())) {
            return;
        }
        if (command.durationSeconds() <= 0) {
            throw new IllegalArgumentException("A published video needs a positive duration");
        }
        apply(new VideoPublishedEvent(videoId, ownerId, command.durationSeconds(), command.manifestKey(),
                command.posterKey()));
    }

    @CommandHandler
    public void handle(MarkVideoFailedCommand command) {
        if (status == VideoStatus.DELETED || status == VideoStatus.FAILED) {
            return;
        }
        apply(new VideoTranscodingFailedEvent(videoId, ownerId, command.reason()));
    }

    @CommandHandler
    public void handle(RetranscodeVideoCommand command) {
        requireNotDeleted();
        if (!RETRANSCODABLE.contains(status) || upload == null || !upload.complete() || transcoding()) {
            throw new VideoStateException(videoId, status,
                    "only an uploaded video that is not being transcoded can be transcoded again");
        }
        apply(new VideoRetranscodeRequestedEvent(videoId, upload.sourceKey(), upload.sizeBytes(),
                command.requestedBy()));
    }

    private boolean transcoding() {
        return status == VideoStatus.TRANSCODING || attempt != null && attempt.open();
    }

    private void requireNotDeleted() {
        if (status == VideoStatus.DELETED) {
            throw new VideoUnavailableException(videoId, VideoUnavailableException.Reason.DELETED);
        }
    }

    private void requireOwner(String userId) {
        if (!ownerId.equals(userId)) {
            throw new NotVideoOwnerException(videoId);
        }
    }

    private void requireOwnerOrAdmin(String userId, boolean admin) {
        if (!admin) {
            requireOwner(userId);
        }
    }

    @EventSourcingHandler
    void on(VideoCreatedEvent event) {
        videoId = event.videoId();
        ownerId = event.ownerId();
        status = VideoStatus.DRAFT;
        title = event.title();
        description = event.description();
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(VideoEditedEvent event) {
        title = event.title();
        description = event.description();
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(VideoUploadStartedEvent event) {
        status = VideoStatus.UPLOADING;
        upload = new Upload(event.uploadId(), event.sourceKey(), event.contentType(), event.sizeBytes(), false);
    }

    @EventSourcingHandler
    void on(VideoUploadAbortedEvent event) {
        status = VideoStatus.DRAFT;
        upload = null;
    }

    @EventSourcingHandler
    void on(VideoUploadedEvent event) {
        status = VideoStatus.UPLOADED;
        upload = new Upload(event.uploadId(), event.sourceKey(), event.contentType(), event.sizeBytes(), true);
    }

    /** A READY video being transcoded again stays playable with its current ladder until the new one is published. */
    @EventSourcingHandler
    void on(TranscodeRequestedEvent event) {
        if (status != VideoStatus.READY) {
            status = VideoStatus.TRANSCODING;
        }
        attempt = new Attempt(event.attemptId(), event.attempt(), 0, true);
    }

    @EventSourcingHandler
    void on(TranscodeProgressedEvent event) {
        attempt = new Attempt(attempt.attemptId(), attempt.number(), event.percent(), true);
    }

    @EventSourcingHandler
    void on(TranscodeSucceededEvent event) {
        attempt = new Attempt(attempt.attemptId(), attempt.number(), 100, false);
    }

    @EventSourcingHandler
    void on(TranscodeFailedEvent event) {
        attempt = new Attempt(attempt.attemptId(), attempt.number(), attempt.percent(), false);
    }

    @EventSourcingHandler
    void on(VideoPublishedEvent event) {
        status = VideoStatus.READY;
        manifestKey = event.manifestKey();
    }

    @EventSourcingHandler
    void on(VideoTranscodingFailedEvent event) {
        if (status != VideoStatus.READY) {
            status = VideoStatus.FAILED;
        }
    }

    @EventSourcingHandler
    void on(VideoDeletedEvent event) {
        status = VideoStatus.DELETED;
    }
}
