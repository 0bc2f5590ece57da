package io.vidlog.command.engagement;

import io.vidlog.api.engagement.BookmarkVideoCommand;
import io.vidlog.api.engagement.ClearVideoReactionCommand;
import io.vidlog.api.engagement.ReactToVideoCommand;
import io.vidlog.api.engagement.ReactionRequest;
import io.vidlog.api.engagement.ReactionResponse;
import io.vidlog.api.engagement.RemoveVideoBookmarkCommand;
import io.vidlog.command.video.VideoAvailabilityCheck;
import io.vidlog.command.web.Caller;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reactions and bookmarks. Every request states the wanted end state (set semantics), so a client may repeat
 * any of them safely; only READY videos can be engaged with.
 */
@RestController
@RequestMapping("/api/v1/videos/{videoId}")
class EngagementController {

    private final CommandGateway commands;
    private final VideoAvailabilityCheck videos;

    EngagementController(CommandGateway commands, VideoAvailabilityCheck videos) {
        this.commands = commands;
        this.videos = videos;
    }

    @PutMapping("/reaction")
    ReactionResponse react(@PathVariable String videoId, @Valid @RequestBody ReactionRequest request, Caller caller) {
        videos.requireReady(videoId);
        commands.sendAndWait(ReactToVideoCommand.of(caller.userId(), videoId, request.type().reaction()));
        return new ReactionResponse(request.type());
    }

    @DeleteMapping("/reaction")
    ResponseEntity<Void> clearReaction(@PathVariable String videoId, Caller caller) {
        videos.requireReady(videoId);
        sendUnlessNeverEngaged(ClearVideoReactionCommand.of(caller.userId(), videoId));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/bookmark")
    ResponseEntity<Void> bookmark(@PathVariable String videoId, Caller caller) {
        videos.requireReady(videoId);
        commands.sendAndWait(BookmarkVideoCommand.of(caller.userId(), videoId));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/bookmark")
    ResponseEntity<Void> removeBookmark(@PathVariable String videoId, Caller caller) {
        videos.requireReady(videoId);
        sendUnlessNeverEngaged(RemoveVideoBookmarkCommand.of(caller.userId(), videoId));
        return ResponseEntity.noContent().build();
    }

    /** A viewer who never reacted to or bookmarked the video has nothing to clear: the end state already holds. */
    private void sendUnlessNeverEngaged(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException neverEngaged) {
            // nothing to undo
        }
    }
}
