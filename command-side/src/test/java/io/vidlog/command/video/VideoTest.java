package io.vidlog.command.video;

import io.vidlog.api.video.CreateVideoCommand;
import io.vidlog.api.video.DeleteVideoCommand;
import io.vidlog.api.video.EditVideoCommand;
import io.vidlog.api.video.PublishVideoCommand;
import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoDeletedEvent;
import io.vidlog.api.video.VideoEditedEvent;
import io.vidlog.api.video.VideoPublishedEvent;
import io.vidlog.api.video.VideoType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class VideoTest {

    private static final String VIDEO = "video-1";
    private static final String OWNER = "creator-1";
    private static final VideoCreatedEvent CREATED = new VideoCreatedEvent(VIDEO, OWNER, "Busan food trip",
            "Eating our way through Busan", List.of("travel", "food"), VideoType.HORIZONTAL);

    private AggregateTestFixture<Video> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Video.class);
    }

    @Test
    void creatingAVideoMakesTheCreatorItsOwnerWithNormalizedTags() {
        fixture.givenNoPriorActivity()
                .when(new CreateVideoCommand(VIDEO, OWNER, "Busan food trip", null,
                        List.of(" Travel", "food", "travel "), VideoType.HORIZONTAL))
                .expectEvents(new VideoCreatedEvent(VIDEO, OWNER, "Busan food trip", "", List.of("travel", "food"),
                        VideoType.HORIZONTAL));
    }

    @Test
    void theOwnerEditsOnlyTheFieldsGiven() {
        fixture.given(CREATED)
                .when(new EditVideoCommand(VIDEO, OWNER, false, "Busan food trip, day 2", null, null))
                .expectEvents(new VideoEditedEvent(VIDEO, "Busan food trip, day 2", "Eating our way through Busan",
                        List.of("travel", "food")));
    }

    @Test
    void anEditThatChangesNothingEmitsNothing() {
        fixture.given(CREATED)
                .when(new EditVideoCommand(VIDEO, OWNER, false, "Busan food trip", null, List.of("TRAVEL", "food")))
                .expectNoEvents();
    }

    @Test
    void anotherUserMayNotEditTheVideo() {
        fixture.given(CREATED)
                .when(new EditVideoCommand(VIDEO, "someone-else", false, "Mine now", null, null))
                .expectException(NotVideoOwnerException.class)
                .expectNoEvents();
    }

    @Test
    void anAdminMayEditAnyVideo() {
        fixture.given(CREATED)
                .when(new EditVideoCommand(VIDEO, "admin-1", true, null, "Moderated", null))
                .expectEvents(new VideoEditedEvent(VIDEO, "Busan food trip", "Moderated", List.of("travel", "food")));
    }

    @Test
    void publishingMakesTheVideoReadyOnce() {
        fixture.given(CREATED)
                .when(PublishVideoCommand.withoutMedia(VIDEO, 125))
                .expectEvents(new VideoPublishedEvent(VIDEO, OWNER, 125, null, null));
        fixture.given(CREATED, new VideoPublishedEvent(VIDEO, OWNER, 125, null, null))
                .when(PublishVideoCommand.withoutMedia(VIDEO, 125))
                .expectNoEvents();
    }

    @Test
    void aPublishedVideoNeedsAPositiveDuration() {
        fixture.given(CREATED)
                .when(PublishVideoCommand.withoutMedia(VIDEO, 0))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void theOwnerDeletesTheVideoOnceAndThenItCannotBeEditedOrPublished() {
        fixture.given(CREATED)
                .when(new DeleteVideoCommand(VIDEO, OWNER, false))
                .expectEvents(new VideoDeletedEvent(VIDEO, OWNER));
        fixture.given(CREATED, new VideoDeletedEvent(VIDEO, OWNER))
                .when(new DeleteVideoCommand(VIDEO, OWNER, false))
                .expectNoEvents();
        fixture.given(CREATED, new VideoDeletedEvent(VIDEO, OWNER))
                .when(new EditVideoCommand(VIDEO, OWNER, false, "Back", null, null))
                .expectException(VideoUnavailableException.class);
        fixture.given(CREATED, new VideoDeletedEvent(VIDEO, OWNER))
                .when(PublishVideoCommand.withoutMedia(VIDEO, 60))
                .expectException(VideoUnavailableException.class);
    }

    @Test
    void anotherUserMayNotDeleteTheVideo() {
        fixture.given(CREATED)
                .when(new DeleteVideoCommand(VIDEO, "someone-else", false))
                .expectException(NotVideoOwnerException.class);
    }
}
