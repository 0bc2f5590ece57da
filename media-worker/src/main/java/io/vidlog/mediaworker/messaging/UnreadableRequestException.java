package io.vidlog.mediaworker.messaging;

/** A request record that no worker will ever be able to process. */
class UnreadableRequestException extends Exception {

    UnreadableRequestException(String message) {
        super(message);
    }
}
