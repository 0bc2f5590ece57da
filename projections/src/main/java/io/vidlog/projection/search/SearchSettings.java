package io.vidlog.projection.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code vidlog.search.*}: where the search documents live and how the feed ranks them.
 *
 * @param index         the alias queries read; the index behind it is named {@code <index>-<mapping version>-<time>}
 * @param checkInterval how often the index is checked: lost and rebuilt, a replay caught up, failed writes retried
 * @param retryLimit    failed document writes remembered one by one; beyond it the whole index is rebuilt instead
 * @param feed          the feed's ranking
 */
@ConfigurationProperties("vidlog.search")
public record SearchSettings(@DefaultValue("vidlog-videos") String index,
                             @DefaultValue("1s") Duration checkInterval,
                             @DefaultValue("10000") int retryLimit,
                             @DefaultValue Feed feed) {

    /**
     * @param topTags         how many of the viewer's best-scored tags boost the feed
     * @param tagWeight       the boost of the viewer's best tag; the others get a share by their score
     * @param popularityFactor multiplies the popularity before its logarithm ({@code log1p})
     * @param freshnessWeight the boost of a video published now; it halves every {@code freshnessHalfLife}
     * @param freshnessHalfLife how fast a video's freshness boost decays (Gaussian, 0.5 at this age)
     * @param skippedLimit    how many of the viewer's disliked and completed videos are kept out, newest first
     * @param candidates      how many videos the ranking picks from (those best on cheaper forms of the same
     *                        signals); the feed ends after them
     */
    public record Feed(@DefaultValue("10") int topTags,
                       @DefaultValue("10") double tagWeight,
                       @DefaultValue("1") double popularityFactor,
                       @DefaultValue("3") double freshnessWeight,
                       @DefaultValue("7d") Duration freshnessHalfLife,
                       @DefaultValue("1000") int skippedLimit,
                       @DefaultValue("1000") int candidates) {
    }
}
