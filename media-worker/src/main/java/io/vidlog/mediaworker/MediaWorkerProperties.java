package io.vidlog.mediaworker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The media worker: it reads transcode requests from Kafka, transcodes them with FFmpeg and reports the results.
 *
 * @param enabled              whether this node runs a media worker at all; API-only nodes switch it off
 * @param groupId              the Kafka consumer group of all media workers: each request goes to one of them
 * @param workDir              where each attempt downloads its source and writes its HLS files, in a folder of its
 *                             own that is deleted when the attempt ends
 * @param concurrency          transcodes run at the same time on this node (Kafka consumers); FFmpeg uses every core
 *                             already, so more than one only pays on machines with many cores
 * @param maxPollInterval      how long one request may take before Kafka gives it to another worker. A transcode
 *                             never outlasts its deadline (FFmpeg is killed then), so this needs to cover the longest
 *                             deadline the saga sets, which grows with the source's size, plus the upload; otherwise a
 *                             long transcode runs twice. It is also how long a rebalance may wait for a busy worker.
 * @param progressStepPercent  the least growth, in percent, worth a progress report
 * @param progressInterval     the least time between two progress reports; a report needs both this and the step,
 *                             so that a long transcode does not flood the results topic
 * @param posterAt             the moment of the video shown as its poster (half the duration for shorter videos)
 * @param resultSendTimeout    how long a result may take to be acknowledged by Kafka before the request is handed
 *                             back to be processed again
 * @param retryInitialInterval the first pause before a request whose result could not be sent is processed again
 * @param retryMaxInterval     the longest such pause; the pauses double up to it and retries never stop, so a
 *                             request is never dropped while Kafka is away
 * @param topicPartitions      partitions of the requests and results topics when this worker creates them; they
 *                             bound how many workers transcode at once
 * @param topicReplicas        replication factor of those topics (3 on a production cluster)
 */
@ConfigurationProperties("vidlog.media-worker")
public record MediaWorkerProperties(@DefaultValue("true") boolean enabled,
                                    @DefaultValue("vidlog-media-worker") String groupId,
                                    @DefaultValue(".vidlog/media-worker") Path workDir,
                                    @DefaultValue("1") int concurrency,
                                    @DefaultValue("2h") Duration maxPollInterval,
                                    @DefaultValue("5") int progressStepPercent,
                                    @DefaultValue("2s") Duration progressInterval,
                                    @DefaultValue("1s") Duration posterAt,
                                    @DefaultValue("30s") Duration resultSendTimeout,
                                    @DefaultValue("1s") Duration retryInitialInterval,
                                    @DefaultValue("1m") Duration retryMaxInterval,
                                    @DefaultValue("3") int topicPartitions,
                                    @DefaultValue("1") short topicReplicas) {

    public MediaWorkerProperties {
        if (concurrency < 1) {
            throw new IllegalArgumentException("vidlog.media-worker.concurrency must be at least 1");
        }
        if (progressStepPercent < 1 || progressStepPercent > 100) {
            throw new IllegalArgumentException("vidlog.media-worker.progress-step-percent must be within 1..100");
        }
    }
}
