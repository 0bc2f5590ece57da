package io.vidlog.command.video;

import io.vidlog.api.video.VideoStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The command side's own record of each video's status and duration, for validating commands addressed to other
 * aggregates (a reaction to a video that is not READY) without reading the query side. It is written in the same
 * transaction as the video's events, so it is never behind them.
 */
@Entity
@Table(name = "command_video_availability")
public class VideoAvailability {

    @Id
    @Column(name = "video_id")
    private String videoId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private VideoStatus status;

    @Column(name = "duration_seconds", nullable = false)
    private int durationSeconds;

    protected VideoAvailability() {
        // for JPA
    }

    VideoAvailability(String videoId, VideoStatus status) {
        this.videoId = videoId;
        this.status = status;
    }

    public String videoId() {
        return videoId;
    }

    public VideoStatus status() {
        return status;
    }

    public int durationSeconds() {
        return durationSeconds;
    }

    void publish(int durationSeconds) {
        this.status = VideoStatus.READY;
        this.durationSeconds = durationSeconds;
    }

    void delete() {
        this.status = VideoStatus.DELETED;
    }
}
