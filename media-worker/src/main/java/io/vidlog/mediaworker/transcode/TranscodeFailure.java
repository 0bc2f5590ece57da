package io.vidlog.mediaworker.transcode;

/** An attempt failed; the message is the reason reported to the saga. */
class TranscodeFailure extends Exception {

    private final FailureKind kind;

    TranscodeFailure(FailureKind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    FailureKind kind() {
        return kind;
    }
}
