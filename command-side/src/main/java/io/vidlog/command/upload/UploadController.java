package io.vidlog.command.upload;

import io.vidlog.api.upload.AbortVideoUploadCommand;
import io.vidlog.api.upload.CompleteVideoUploadCommand;
import io.vidlog.api.upload.CompleteVideoUploadRequest;
import io.vidlog.api.upload.StartVideoUploadCommand;
import io.vidlog.api.upload.StartVideoUploadRequest;
import io.vidlog.api.upload.VideoUploadResponse;
import io.vidlog.command.web.Caller;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creators send a video's source file straight to S3: {@code upload} opens a multipart upload and hands out presigned
 * part URLs, {@code upload/complete} checks with S3 what arrived and starts transcoding, {@code DELETE upload} gives
 * up. The Video aggregate decides who may upload and when; S3 holds the bytes.
 */
@RestController
@RequestMapping("/api/v1/videos/{videoId}/upload")
class UploadController {

    private static final Logger log = LoggerFactory.getLogger(UploadController.class);

    private final CommandGateway commands;
    private final SourceStorage storage;
    private final UploadSettings settings;

    UploadController(CommandGateway commands, SourceStorage storage, UploadSettings settings) {
        this.commands = commands;
        this.storage = storage;
        this.settings = settings;
    }

    @PostMapping
    ResponseEntity<VideoUploadResponse> start(@PathVariable String videoId,
                                              @Valid @RequestBody StartVideoUploadRequest request, Caller caller) {
        if (!settings.allows(request.contentType())) {
            throw new UploadRejectedException(HttpStatus.BAD_REQUEST, "contentType " + request.contentType()
                    + " is not accepted; allowed: " + String.join(", ", settings.allowedContentTypes()) + "*");
        }
        if (request.sizeBytes() > settings.maxSize().toBytes()) {
            throw new UploadRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "The file has " + request.sizeBytes()
                    + " bytes; at most " + settings.maxSize().toBytes() + " are accepted");
        }
        String uploadId = storage.open(videoId, request.contentType());
        try {
            commands.sendAndWait(new StartVideoUploadCommand(videoId, caller.userId(), uploadId,
                    SourceStorage.sourceKey(videoId), request.fileName(), request.contentType(), request.sizeBytes()));
        } catch (RuntimeException refused) {
            storage.abort(videoId, uploadId);
            throw refused;
        }
        log.info("Upload {} of video {} started by {}: {} bytes", uploadId, videoId, caller.userId(),
                request.sizeBytes());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(storage.presignParts(videoId, uploadId, request.sizeBytes()));
    }

    @PostMapping("/complete")
    ResponseEntity<Void> complete(@PathVariable String videoId, @Valid @RequestBody CompleteVideoUploadRequest request,
                                  Caller caller) {
        long storedBytes = storage.complete(videoId, request);
        commands.sendAndWait(new CompleteVideoUploadCommand(videoId, caller.userId(), request.uploadId(),
                storedBytes));
        log.info("Upload {} of video {} complete: {} bytes in S3", request.uploadId(), videoId, storedBytes);
        return ResponseEntity.accepted().build();
    }

    @DeleteMapping
    ResponseEntity<Void> abort(@PathVariable String videoId, Caller caller) {
        String abortedUploadId = commands.sendAndWait(new AbortVideoUploadCommand(videoId, caller.userId()));
        if (abortedUploadId != null) {
            storage.abort(videoId, abortedUploadId);
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler
    ProblemDetail rejected(UploadRejectedException e) {
        return ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    }
}
