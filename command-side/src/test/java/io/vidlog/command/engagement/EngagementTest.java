package io.vidlog.command.engagement;

import io.vidlog.api.engagement.BookmarkVideoCommand;
import io.vidlog.api.engagement.ClearVideoReactionCommand;
import io.vidlog.api.engagement.EngagementIds;
import io.vidlog.api.engagement.ReactToVideoCommand;
import io.vidlog.api.engagement.Reaction;
import io.vidlog.api.engagement.RemoveVideoBookmarkCommand;
import io.vidlog.api.engagement.VideoBookmarkRemovedEvent;
import io.vidlog.api.engagement.VideoBookmarkedEvent;
import io.vidlog.api.engagement.VideoReactionChangedEvent;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static io.vidlog.api.engagement.Reaction.DISLIKE;
import static io.vidlog.api.engagement.Reaction.LIKE;
import static io.vidlog.api.engagement.Reaction.NONE;
import static io.vidlog.api.engagement.Reaction.SUPERLIKE;

class EngagementTest {

    private static final String USER = "user-1";
    private static final String VIDEO = "6f1c2a4e-8d2b-4f7a-9a51-0c3e5b7d9f10";
    private static final String ID = EngagementIds.engagementId(USER, VIDEO);

    private final AggregateTestFixture<Engagement> fixture = new AggregateTestFixture<>(Engagement.class);

    @Test
    void theFirstReactionCreatesTheEngagementAndChangesTheReactionFromNone() {
        fixture.givenNoPriorActivity()
               .when(ReactToVideoCommand.of(USER, VIDEO, LIKE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(changed(NONE, LIKE));
    }

    @Test
    void reactingTwiceWithTheSameTypeChangesNothing() {
        fixture.given(changed(NONE, LIKE))
               .when(ReactToVideoCommand.of(USER, VIDEO, LIKE))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void upgradingALikeToASuperlikeCarriesThePreviousReaction() {
        fixture.given(changed(NONE, LIKE))
               .when(ReactToVideoCommand.of(USER, VIDEO, SUPERLIKE))
               .expectEvents(changed(LIKE, SUPERLIKE));
    }

    @Test
    void switchingFromLikeToDislikeCarriesThePreviousReaction() {
        fixture.given(changed(NONE, LIKE))
               .when(ReactToVideoCommand.of(USER, VIDEO, DISLIKE))
               .expectEvents(changed(LIKE, DISLIKE));
    }

    @Test
    void reactingAgainAfterClearingStartsFromNone() {
        fixture.given(changed(NONE, DISLIKE), changed(DISLIKE, NONE))
               .when(ReactToVideoCommand.of(USER, VIDEO, DISLIKE))
               .expectEvents(changed(NONE, DISLIKE));
    }

    @Test
    void reactingWithNoneIsRejected() {
        fixture.given(changed(NONE, LIKE))
               .when(ReactToVideoCommand.of(USER, VIDEO, NONE))
               .expectException(IllegalArgumentException.class)
               .expectNoEvents();
    }

    @Test
    void reactingWithoutAReactionIsRejectedEvenOnAFirstEngagement() {
        fixture.givenNoPriorActivity()
               .when(ReactToVideoCommand.of(USER, VIDEO, null))
               .expectException(IllegalArgumentException.class)
               .expectNoEvents();
    }

    @Test
    void clearingAReactionChangesItToNone() {
        fixture.given(changed(NONE, SUPERLIKE))
               .when(ClearVideoReactionCommand.of(USER, VIDEO))
               .expectEvents(changed(SUPERLIKE, NONE));
    }

    @Test
    void clearingWhenThereIsNoReactionChangesNothing() {
        fixture.given(changed(NONE, LIKE), changed(LIKE, NONE))
               .when(ClearVideoReactionCommand.of(USER, VIDEO))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void clearingWhenOnlyBookmarkedChangesNothing() {
        fixture.given(new VideoBookmarkedEvent(ID, USER, VIDEO))
               .when(ClearVideoReactionCommand.of(USER, VIDEO))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void clearingOnAVideoNeverEngagedWithFindsNoEngagement() {
        fixture.givenNoPriorActivity()
               .when(ClearVideoReactionCommand.of(USER, VIDEO))
               .expectException(AggregateNotFoundException.class);
    }

    @Test
    void theFirstBookmarkCreatesTheEngagement() {
        fixture.givenNoPriorActivity()
               .when(BookmarkVideoCommand.of(USER, VIDEO))
               .expectEvents(new VideoBookmarkedEvent(ID, USER, VIDEO));
    }

    @Test
    void bookmarkingABookmarkedVideoChangesNothing() {
        fixture.given(new VideoBookmarkedEvent(ID, USER, VIDEO))
               .when(BookmarkVideoCommand.of(USER, VIDEO))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void bookmarkingAfterAReactionKeepsTheSameEngagement() {
        fixture.given(changed(NONE, LIKE))
               .when(BookmarkVideoCommand.of(USER, VIDEO))
               .expectEvents(new VideoBookmarkedEvent(ID, USER, VIDEO));
    }

    @Test
    void removingABookmarkEmitsTheRemoval() {
        fixture.given(new VideoBookmarkedEvent(ID, USER, VIDEO))
               .when(RemoveVideoBookmarkCommand.of(USER, VIDEO))
               .expectEvents(new VideoBookmarkRemovedEvent(ID, USER, VIDEO));
    }

    @Test
    void removingABookmarkThatIsNotThereChangesNothing() {
        fixture.given(new VideoBookmarkedEvent(ID, USER, VIDEO), new VideoBookmarkRemovedEvent(ID, USER, VIDEO))
               .when(RemoveVideoBookmarkCommand.of(USER, VIDEO))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void removingABookmarkWhenOnlyReactedChangesNothing() {
        fixture.given(changed(NONE, LIKE))
               .when(RemoveVideoBookmarkCommand.of(USER, VIDEO))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void bookmarkingAgainAfterRemovingBookmarksAgain() {
        fixture.given(new VideoBookmarkedEvent(ID, USER, VIDEO), new VideoBookmarkRemovedEvent(ID, USER, VIDEO))
               .when(BookmarkVideoCommand.of(USER, VIDEO))
               .expectEvents(new VideoBookmarkedEvent(ID, USER, VIDEO));
    }

    @Test
    void aCommandWhoseIdBelongsToAnotherUserIsRejected() {
        fixture.given(changed(NONE, LIKE))
               .when(new ReactToVideoCommand(ID, "user-2", VIDEO, DISLIKE))
               .expectException(IllegalArgumentException.class)
               .expectNoEvents();
    }

    private static VideoReactionChangedEvent changed(Reaction from, Reaction to) {
        return new VideoReactionChangedEvent(ID, USER, VIDEO, from, to);
    }
}
