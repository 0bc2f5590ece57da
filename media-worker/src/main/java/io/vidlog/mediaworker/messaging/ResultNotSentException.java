package io.vidlog.mediaworker.messaging;

/** Kafka did not take a result in time; the request must be processed again rather than acknowledged. */
class ResultNotSentException extends RuntimeException {

    ResultNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
