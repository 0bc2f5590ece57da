package io.vidlog.command.video;

import io.vidlog.api.video.CreateVideoCommand;
import io.vidlog.api.video.DevVideoRequest;
import io.vidlog.api.video.PublishVideoCommand;
import io.vidlog.api.video.VideoIdResponse;
import io.vidlog.command.web.Caller;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * Local profile only: a READY video without media, for demos, benchmarks and tests that need many videos. It goes
 * through the same Video commands and events as a real publish.
 */
@RestController
@Profile("local")
class DevVideoController {

    private final CommandGateway commands;

    DevVideoController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/v1/dev/videos")
    ResponseEntity<VideoIdResponse> createReadyVideo(@Valid @RequestBody DevVideoRequest request, Caller caller) {
        String videoId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateVideoCommand(videoId, caller.userId(), request.title(), request.description(),
                request.tags(), request.videoType()));
        commands.sendAndWait(PublishVideoCommand.withoutMedia(videoId, request.durationSeconds()));
        return ResponseEntity.created(URI.create("/api/v1/videos/" + videoId)).body(new VideoIdResponse(videoId));
    }
}
