package io.vidlog.command.video;

import io.vidlog.api.video.CreateVideoCommand;
import io.vidlog.api.video.CreateVideoRequest;
import io.vidlog.api.video.DeleteVideoCommand;
import io.vidlog.api.video.EditVideoCommand;
import io.vidlog.api.video.EditVideoRequest;
import io.vidlog.api.video.VideoIdResponse;
import io.vidlog.command.web.Caller;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Creators create, edit and delete their videos. */
@RestController
@RequestMapping("/api/v1/videos")
class VideoCommandController {

    private final CommandGateway commands;

    VideoCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<VideoIdResponse> create(@Valid @RequestBody CreateVideoRequest request, Caller caller) {
        String videoId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateVideoCommand(videoId, caller.userId(), request.title(), request.description(),
                request.tags(), request.videoType()));
        return ResponseEntity.created(URI.create("/api/v1/videos/" + videoId)).body(new VideoIdResponse(videoId));
    }

    @PatchMapping("/{videoId}")
    VideoIdResponse edit(@PathVariable String videoId, @Valid @RequestBody EditVideoRequest request, Caller caller) {
        commands.sendAndWait(new EditVideoCommand(videoId, caller.userId(), caller.admin(), request.title(),
                request.description(), request.tags()));
        return new VideoIdResponse(videoId);
    }

    @DeleteMapping("/{videoId}")
    ResponseEntity<Void> delete(@PathVariable String videoId, Caller caller) {
        commands.sendAndWait(new DeleteVideoCommand(videoId, caller.userId(), caller.admin()));
        return ResponseEntity.noContent().build();
    }
}
