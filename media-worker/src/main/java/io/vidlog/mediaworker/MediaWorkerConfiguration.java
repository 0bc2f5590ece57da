package io.vidlog.mediaworker;

import io.micrometer.core.instrument.MeterRegistry;
import io.vidlog.mediaworker.ffmpeg.FfmpegCommands;
import io.vidlog.mediaworker.probe.Ffprobe;
import io.vidlog.mediaworker.process.ProcessRunner;
import io.vidlog.mediaworker.storage.MediaStorage;
import io.vidlog.mediaworker.transcode.TranscodeMetrics;
import io.vidlog.mediaworker.transcode.TranscodeSettings;
import io.vidlog.mediaworker.transcode.Transcoder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The media worker's transcoding, on the application's S3 client and meter registry. Its Kafka side is in
 * {@link io.vidlog.mediaworker.messaging.MediaWorkerKafkaConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "vidlog.media-worker", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(MediaWorkerProperties.class)
public class MediaWorkerConfiguration {

    @Bean
    ProcessRunner mediaWorkerProcessRunner() {
        return new ProcessRunner();
    }

    /**
     * @param bucket  the media bucket ({@code vidlog.s3.bucket}), where sources are uploaded and renditions go
     * @param ffmpeg  the {@code ffmpeg} executable, found on the PATH unless configured
     * @param ffprobe the {@code ffprobe} executable, found on the PATH unless configured
     */
    @Bean
    Transcoder mediaWorkerTranscoder(S3Client s3, MeterRegistry meterRegistry, ProcessRunner mediaWorkerProcessRunner,
                                     MediaWorkerProperties properties,
                                     @Value("${vidlog.s3.bucket:vidlog-media}") String bucket,
                                     @Value("${vidlog.ffmpeg.path:ffmpeg}") String ffmpeg,
                                     @Value("${vidlog.ffprobe.path:ffprobe}") String ffprobe) {
        return new Transcoder(new MediaStorage(s3, bucket), new Ffprobe(ffprobe, mediaWorkerProcessRunner),
                new FfmpegCommands(ffmpeg), mediaWorkerProcessRunner, new TranscodeMetrics(meterRegistry),
                new TranscodeSettings(properties.workDir(), properties.posterAt(), properties.progressStepPercent(),
                        properties.progressInterval()));
    }
}
