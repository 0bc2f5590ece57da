package io.vidlog.command.upload;

import org.springframework.http.HttpStatus;

/** An upload request S3 or the limits refuse; carries the status the caller gets. */
class UploadRejectedException extends RuntimeException {

    private final HttpStatus status;

    UploadRejectedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
