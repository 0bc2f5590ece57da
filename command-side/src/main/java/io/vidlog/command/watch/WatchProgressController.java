package io.vidlog.command.watch;

import io.vidlog.api.watch.RecordWatchProgressCommand;
import io.vidlog.api.watch.WatchProgressRequest;
import io.vidlog.command.video.VideoAvailabilityCheck;
import io.vidlog.command.web.Caller;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Players report the playback position about every 10 s; stale (out-of-order) reports are ignored. */
@RestController
class WatchProgressController {

    private final CommandGateway commands;
    private final VideoAvailabilityCheck videos;

    WatchProgressController(CommandGateway commands, VideoAvailabilityCheck videos) {
        this.commands = commands;
        this.videos = videos;
    }

    @PostMapping("/api/v1/videos/{videoId}/progress")
    ResponseEntity<Void> record(@PathVariable String videoId, @Valid @RequestBody WatchProgressRequest request,
                                Caller caller) {
        int durationSeconds = videos.requireReady(videoId);
        commands.sendAndWait(RecordWatchProgressCommand.of(caller.userId(), videoId, request.positionSeconds(),
                request.sequence(), durationSeconds));
        return ResponseEntity.accepted().build();
    }
}
