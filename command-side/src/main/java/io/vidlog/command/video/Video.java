package io.vidlog.command.video;

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

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A video's lifecycle and metadata. Its owner is the creator who made it; only the owner or an admin may edit or
 * delete it. Edits that change nothing emit nothing, so a retried request is harmless.
 */
@Aggregate(repository = "videoRepository")
public class Video {

    @AggregateIdentifier
    private String videoId;
    private String ownerId;
    private VideoStatus status;
    private String title;
    private String description;
    private List<String> tags;

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

    @CommandHandler
    public void handle(PublishVideoCommand command) {
        requireNotDeleted();
        if (status == VideoStatus.READY) {
            return;
        }
        if (command.durationSeconds() <= 0) {
            throw new IllegalArgumentException("A published video needs a positive duration");
        }
        apply(new VideoPublishedEvent(videoId, ownerId, command.durationSeconds()));
    }

    private void requireNotDeleted() {
        if (status == VideoStatus.DELETED) {
            throw new VideoUnavailableException(videoId, VideoUnavailableException.Reason.DELETED);
        }
    }

    private void requireOwnerOrAdmin(String userId, boolean admin) {
        if (!admin && !ownerId.equals(userId)) {
            throw new NotVideoOwnerException(videoId);
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
    void on(VideoPublishedEvent event) {
        status = VideoStatus.READY;
    }

    @EventSourcingHandler
    void on(VideoDeletedEvent event) {
        status = VideoStatus.DELETED;
    }
}
