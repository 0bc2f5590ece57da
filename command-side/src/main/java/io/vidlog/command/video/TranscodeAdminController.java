package io.vidlog.command.video;

import io.vidlog.api.transcode.RetranscodeVideoCommand;
import io.vidlog.command.web.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins start a fresh transcoding run of an uploaded video (after a failure, or for a better ladder). */
@RestController
class TranscodeAdminController {

    private final CommandGateway commands;

    TranscodeAdminController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/v1/admin/videos/{videoId}/transcode")
    ResponseEntity<Void> retranscode(@PathVariable String videoId, Caller caller) {
        commands.sendAndWait(new RetranscodeVideoCommand(videoId, caller.userId()));
        return ResponseEntity.accepted().build();
    }
}
