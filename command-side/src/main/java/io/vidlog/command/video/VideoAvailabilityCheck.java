package io.vidlog.command.video;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vidlog.api.video.VideoStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Optional;

/**
 * Answers, for commands about other aggregates, whether a video may be engaged with.
 * <p>
 * Every engagement command asks, so the answer is cached in-process (see {@link VideoLookupSettings}). Only the two
 * states that change at most once more are cached: READY (which may still become DELETED) and DELETED (final).
 * Correctness rests on three rules:
 * <ul>
 *     <li>a deletion on this node replaces the cached status with DELETED inside the deleting transaction, before
 *     it commits, and removes it again if that transaction rolls back;</li>
 *     <li>a status read from the database is only added when none is cached, so a reader that saw READY just before
 *     a deletion never overwrites the deletion's DELETED;</li>
 *     <li>a deletion on another node is not seen until the entry expires: another node may accept engagement with a
 *     deleted video for up to {@link VideoLookupSettings#ttl()}.</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties(VideoLookupSettings.class)
public class VideoAvailabilityCheck {

    private record Known(VideoStatus status, int durationSeconds) {

        boolean isFinalOrReady() {
            return status == VideoStatus.READY || status == VideoStatus.DELETED;
        }
    }

    private static final Known DELETED = new Known(VideoStatus.DELETED, 0);

    private final VideoAvailabilityRepository videos;
    private final Cache<String, Known> cache;

    VideoAvailabilityCheck(VideoAvailabilityRepository videos, VideoLookupSettings settings) {
        this.videos = videos;
        this.cache = settings.enabled()
                ? Caffeine.newBuilder().maximumSize(settings.maxEntries()).expireAfterWrite(settings.ttl()).build()
                : null;
    }

    /**
     * The READY video's duration in seconds.
     *
     * @throws VideoUnavailableException when the video does not exist, was deleted or is not READY
     */
    public int requireReady(String videoId) {
        Known video = lookUp(videoId)
                .orElseThrow(() -> new VideoUnavailableException(videoId, VideoUnavailableException.Reason.NOT_FOUND));
        return switch (video.status()) {
            case READY -> video.durationSeconds();
            case DELETED -> throw new VideoUnavailableException(videoId, VideoUnavailableException.Reason.DELETED);
            default -> throw new VideoUnavailableException(videoId, VideoUnavailableException.Reason.NOT_READY);
        };
    }

    /**
     * Called in the transaction that deletes the video: from now on this node refuses it, even before the deletion
     * commits; should the transaction roll back, the database decides again.
     */
    void deleting(String videoId) {
        if (cache == null) {
            return;
        }
        cache.put(videoId, DELETED);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        cache.invalidate(videoId);
                    }
                }
            });
        }
    }

    private Optional<Known> lookUp(String videoId) {
        if (cache != null) {
            Known cached = cache.getIfPresent(videoId);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<Known> stored = videos.findById(videoId)
                .map(video -> new Known(video.status(), video.durationSeconds()));
        if (cache != null && stored.isPresent() && stored.get().isFinalOrReady()) {
            Known raced = cache.asMap().putIfAbsent(videoId, stored.get());
            if (raced != null) {
                return Optional.of(raced);
            }
        }
        return stored;
    }
}
