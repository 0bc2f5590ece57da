package io.vidlog.command.video;

import io.vidlog.api.video.VideoDeletedEvent;
import io.vidlog.api.video.VideoStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class VideoAvailabilityCheckTest {

    private static final String VIDEO = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final VideoLookupSettings CACHED = new VideoLookupSettings(true, Duration.ofSeconds(30), 1000);

    private final VideoAvailabilityRepository database = mock(VideoAvailabilityRepository.class);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aReadyVideoIsLookedUpInTheDatabaseOnce() {
        VideoAvailabilityCheck check = new VideoAvailabilityCheck(database, CACHED);
        storedReady(600);

        assertThat(check.requireReady(VIDEO)).isEqualTo(600);
        assertThat(check.requireReady(VIDEO)).isEqualTo(600);

        verify(database, times(1)).findById(VIDEO);
    }

    @Test
    void aVideoThatIsNotReadyYetIsLookedUpEveryTimeSoItsPublicationIsSeen() {
        VideoAvailabilityCheck check = new VideoAvailabilityCheck(database, CACHED);
        when(database.findById(VIDEO)).thenReturn(Optional.of(new VideoAvailability(VIDEO, VideoStatus.TRANSCODING)));
        assertThatThrownBy(() -> check.requireReady(VIDEO)).isInstanceOf(VideoUnavailableException.class);
        storedReady(600);

        assertThat(check.requireReady(VIDEO)).isEqualTo(600);
    }

    @Test
    void anUnknownVideoIsNotFoundAndNotRemembered() {
        VideoAvailabilityCheck check = new VideoAvailabilityCheck(database, CACHED);
        when(database.findById(VIDEO)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> check.requireReady(VIDEO))
                .isInstanceOfSatisfying(VideoUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(VideoUnavailableException.Reason.NOT_FOUND));
        storedReady(600);
        assertThat(check.requireReady(VIDEO)).isEqualTo(600);
    }

    @Test
    void aVideoBeingDeletedOnThisNodeIsRefusedBeforeTheDeletionCommits() {
        VideoAvailabilityCheck check = new VideoAvailabilityCheck(database, CACHED);
        storedReady(600);
        check.requireReady(VIDEO);
        TransactionSynchronizationManager.initSynchronization();

        new VideoAvailabilityUpdater(database, check).on(new VideoDeletedEvent(VIDEO, "owner"));

        assertDeleted(check);
    }

    @Test
    void aDeletionThatRollsBackIsForgotten() {
        VideoAvailabilityCheck check = new VideoAvailabilityCheck(database, CACHED);
        storedReady(600);
        TransactionSynchronizationManager.initSynchronization();
        check.deleting(VIDEO);
        assertDeleted(check);

        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations,
                TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(check.requireReady(VIDEO)).isEqualTo(600);
    }

    @Test
    void aCommittedDeletionStays() {
        VideoAvailabilityCheck check = new VideoAvailabilityCheck(database, CACHED);
        storedReady(600);
        TransactionSynchronizationManager.initSynchronization();
        check.deleting(VIDEO);

        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations,
                TransactionSynchronization.STATUS_COMMITTED);

        assertDeleted(check);
    }

    @Test
    void aLookupThatReadReadyJustBeforeADeletionDoesNotOverwriteIt() {
        VideoAvailabilityCheck check = new VideoAvailabilityCheck(database, CACHED);
        VideoAvailability before = ready(600);
        when(database.findById(VIDEO)).thenAnswer(read -> {
            check.deleting(VIDEO);
            return Optional.of(before);
        });

        // Whatever that lookup answers (it read before the deletion), the deletion wins for everyone after it.
        catchThrowable(() -> check.requireReady(VIDEO));

        assertDeleted(check);
    }

    @Test
    void withTheCacheOffEveryCheckReadsTheDatabase() {
        VideoAvailabilityCheck check =
                new VideoAvailabilityCheck(database, new VideoLookupSettings(false, Duration.ofSeconds(30), 1000));
        storedReady(600);

        check.requireReady(VIDEO);
        check.requireReady(VIDEO);

        verify(database, times(2)).findById(VIDEO);
    }

    private static VideoAvailability ready(int durationSeconds) {
        VideoAvailability video = new VideoAvailability(VIDEO, VideoStatus.DRAFT);
        video.publish(durationSeconds);
        return video;
    }

    /** The committed row: each read gets its own copy, as from the database, so a deletion in progress leaves it. */
    private void storedReady(int durationSeconds) {
        when(database.findById(VIDEO)).thenAnswer(read -> Optional.of(ready(durationSeconds)));
    }

    private static void assertDeleted(VideoAvailabilityCheck check) {
        assertThatThrownBy(() -> check.requireReady(VIDEO))
                .isInstanceOfSatisfying(VideoUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(VideoUnavailableException.Reason.DELETED));
    }
}
