package io.vidlog.api.transcode;

/** The Kafka topics between the transcoding saga and the media worker. */
public final class TranscodeTopics {

    /** {@link TranscodeRequestedEvent}s, published from the event store; keyed by video id. */
    public static final String REQUESTS = "vidlog.transcode.requests";
    /** {@link TranscodeResultMessage}s from the media worker; keyed by video id. */
    public static final String RESULTS = "vidlog.transcode.results";

    private TranscodeTopics() {
    }
}
