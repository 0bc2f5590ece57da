package io.vidlog.command.video;

import io.vidlog.api.transcode.CompleteTranscodeCommand;
import io.vidlog.api.transcode.FailTranscodeCommand;
import io.vidlog.api.transcode.MarkVideoFailedCommand;
import io.vidlog.api.transcode.RecordTranscodeProgressCommand;
import io.vidlog.api.transcode.Rendition;
import io.vidlog.api.transcode.RequestTranscodeCommand;
import io.vidlog.api.transcode.RetranscodeVideoCommand;
import io.vidlog.api.transcode.TranscodeFailedEvent;
import io.vidlog.api.transcode.TranscodeProgressedEvent;
import io.vidlog.api.transcode.TranscodeRequestedEvent;
import io.vidlog.api.transcode.TranscodeSucceededEvent;
import io.vidlog.api.transcode.VideoRetranscodeRequestedEvent;
import io.vidlog.api.transcode.VideoTranscodingFailedEvent;
import io.vidlog.api.upload.AbortVideoUploadCommand;
import io.vidlog.api.upload.CompleteVideoUploadCommand;
import io.vidlog.api.upload.StartVideoUploadCommand;
import io.vidlog.api.upload.VideoUploadAbortedEvent;
import io.vidlog.api.upload.VideoUploadStartedEvent;
import io.vidlog.api.upload.VideoUploadedEvent;
import io.vidlog.api.video.PublishVideoCommand;
import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoDeletedEvent;
import io.vidlog.api.video.VideoPublishedEvent;
import io.vidlog.api.video.VideoType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** The Video aggregate from upload to publish: uploads, transcode attempts and their (possibly late) results. */
class VideoTranscodingTest {

    private static final String VIDEO = "video-1";
    private static final String OWNER = "creator-1";
    private static final String SOURCE = "videos/video-1/source";
    private static final long SIZE = 20_000_000;
    private static final Instant DEADLINE = Instant.parse("2026-12-01T10:00:00Z");
    private static final String MANIFEST = "videos/video-1/hls/a1/master.m3u8";
    private static final String POSTER = "videos/video-1/hls/a1/poster.jpg";
    private static final List<Rendition> LADDER = List.of(new Rendition("360p", 640, 360, 800_000));

    private static final VideoCreatedEvent CREATED = new VideoCreatedEvent(VIDEO, OWNER, "Jeju drive", "",
            List.of("travel"), VideoType.HORIZONTAL);
    private static final VideoUploadStartedEvent UPLOAD_STARTED = new VideoUploadStartedEvent(VIDEO, "up-1", SOURCE,
            "jeju.mp4", "video/mp4", SIZE);
    private static final VideoUploadedEvent UPLOADED = new VideoUploadedEvent(VIDEO, OWNER, "up-1", SOURCE,
            "video/mp4", SIZE);
    private static final TranscodeRequestedEvent ATTEMPT_1 = new TranscodeRequestedEvent(VIDEO, "a1", 1, SOURCE, SIZE,
            "videos/video-1/hls/a1/", DEADLINE);
    private static final TranscodeSucceededEvent SUCCEEDED_1 = new TranscodeSucceededEvent(VIDEO, "a1", 1, 6.0,
            MANIFEST, POSTER, LADDER);
    private static final VideoPublishedEvent PUBLISHED = new VideoPublishedEvent(VIDEO, OWNER, 6, MANIFEST, POSTER);

    private AggregateTestFixture<Video> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Video.class);
    }

    @Test
    void onlyTheOwnerStartsAnUploadAndOnlyOnADraft() {
        fixture.given(CREATED)
                .when(new StartVideoUploadCommand(VIDEO, OWNER, "up-1", SOURCE, "jeju.mp4", "video/mp4", SIZE))
                .expectEvents(UPLOAD_STARTED);
        fixture.given(CREATED)
                .when(new StartVideoUploadCommand(VIDEO, "admin-1", "up-1", SOURCE, "jeju.mp4", "video/mp4", SIZE))
                .expectException(NotVideoOwnerException.class);
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED)
                .when(new StartVideoUploadCommand(VIDEO, OWNER, "up-2", SOURCE, "jeju.mp4", "video/mp4", SIZE))
                .expectException(VideoStateException.class);
    }

    @Test
    void completingTheUploadTwiceEmitsOneEvent() {
        fixture.given(CREATED, UPLOAD_STARTED)
                .when(new CompleteVideoUploadCommand(VIDEO, OWNER, "up-1", SIZE))
                .expectEvents(UPLOADED);
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED)
                .when(new CompleteVideoUploadCommand(VIDEO, OWNER, "up-1", SIZE))
                .expectNoEvents();
    }

    @Test
    void anUploadOfAnotherSizeThanAnnouncedIsRefused() {
        fixture.given(CREATED, UPLOAD_STARTED)
                .when(new CompleteVideoUploadCommand(VIDEO, OWNER, "up-1", SIZE - 1))
                .expectException(IllegalArgumentException.class);
        fixture.given(CREATED, UPLOAD_STARTED)
                .when(new CompleteVideoUploadCommand(VIDEO, OWNER, "another-upload", SIZE))
                .expectException(VideoStateException.class);
    }

    @Test
    void abortingMakesTheVideoADraftAgainAndNamesTheUpload() {
        fixture.given(CREATED, UPLOAD_STARTED)
                .when(new AbortVideoUploadCommand(VIDEO, OWNER))
                .expectEvents(new VideoUploadAbortedEvent(VIDEO, "up-1", SOURCE))
                .expectResultMessagePayload("up-1");
        fixture.given(CREATED)
                .when(new AbortVideoUploadCommand(VIDEO, OWNER))
                .expectNoEvents();
    }

    @Test
    void aTranscodeRequestWritesUnderItsAttemptAndIsIdempotent() {
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED)
                .when(new RequestTranscodeCommand(VIDEO, "a1", 1, DEADLINE))
                .expectEvents(ATTEMPT_1);
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, ATTEMPT_1)
                .when(new RequestTranscodeCommand(VIDEO, "a1", 1, DEADLINE))
                .expectNoEvents();
        fixture.given(CREATED)
                .when(new RequestTranscodeCommand(VIDEO, "a1", 1, DEADLINE))
                .expectException(VideoStateException.class);
    }

    @Test
    void progressOnlyMovesForward() {
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, ATTEMPT_1)
                .when(new RecordTranscodeProgressCommand(VIDEO, "a1", 40))
                .expectEvents(new TranscodeProgressedEvent(VIDEO, "a1", 1, 40));
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, ATTEMPT_1, new TranscodeProgressedEvent(VIDEO, "a1", 1, 40))
                .when(new RecordTranscodeProgressCommand(VIDEO, "a1", 35))
                .expectNoEvents();
    }

    @Test
    void aDuplicateOrStaleResultChangesNothing() {
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, ATTEMPT_1)
                .when(new CompleteTranscodeCommand(VIDEO, "a1", 6.0, MANIFEST, POSTER, LADDER))
                .expectEvents(SUCCEEDED_1);
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, ATTEMPT_1, SUCCEEDED_1)
                .when(new CompleteTranscodeCommand(VIDEO, "a1", 6.0, MANIFEST, POSTER, LADDER))
                .expectNoEvents();
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, ATTEMPT_1)
                .when(new CompleteTranscodeCommand(VIDEO, "an-old-attempt", 6.0, MANIFEST, POSTER, LADDER))
                .expectNoEvents();
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, ATTEMPT_1, SUCCEEDED_1)
                .when(new FailTranscodeCommand(VIDEO, "a1", "deadline passed", true))
                .expectNoEvents();
    }

    @Test
    void aFailureNamesItsAttempt() {
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, ATTEMPT_1)
                .when(new FailTranscodeCommand(VIDEO, "a1", "not a video", false))
                .expectEvents(new TranscodeFailedEvent(VIDEO, "a1", 1, "not a video", false));
    }

    @Test
    void publishingTheSameLadderTwiceEmitsOneEvent() {
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, ATTEMPT_1, SUCCEEDED_1)
                .when(new PublishVideoCommand(VIDEO, 6, MANIFEST, POSTER))
                .expectEvents(PUBLISHED);
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, ATTEMPT_1, SUCCEEDED_1, PUBLISHED)
                .when(new PublishVideoCommand(VIDEO, 6, MANIFEST, POSTER))
                .expectNoEvents();
    }

    @Test
    void aVideoFailsOnce() {
        TranscodeFailedEvent failed = new TranscodeFailedEvent(VIDEO, "a1", 1, "not a video", false);
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, ATTEMPT_1, failed)
                .when(new MarkVideoFailedCommand(VIDEO, "not a video"))
                .expectEvents(new VideoTranscodingFailedEvent(VIDEO, OWNER, "not a video"));
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, ATTEMPT_1, failed,
                        new VideoTranscodingFailedEvent(VIDEO, OWNER, "not a video"))
                .when(new MarkVideoFailedCommand(VIDEO, "not a video"))
                .expectNoEvents();
    }

    @Test
    void onlyAVideoThatIsNotBeingTranscodedCanBeTranscodedAgain() {
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, ATTEMPT_1, SUCCEEDED_1, PUBLISHED)
                .when(new RetranscodeVideoCommand(VIDEO, "admin-1"))
                .expectEvents(new VideoRetranscodeRequestedEvent(VIDEO, SOURCE, SIZE, "admin-1"));
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, ATTEMPT_1)
                .when(new RetranscodeVideoCommand(VIDEO, "admin-1"))
                .expectException(VideoStateException.class);
        fixture.given(CREATED)
                .when(new RetranscodeVideoCommand(VIDEO, "admin-1"))
                .expectException(VideoStateException.class);
        fixture.given(CREATED, UPLOAD_STARTED, UPLOADED, new VideoDeletedEvent(VIDEO, OWNER))
                .when(new RetranscodeVideoCommand(VIDEO, "admin-1"))
                .expectException(VideoUnavailableException.class);
    }
}
