package io.vidlog.api.video;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of the local-only {@code POST /api/v1/dev/videos}: a READY video without media. */
public record DevVideoRequest(
        @NotBlank @Size(max = VideoLimits.TITLE) String title,
        @Size(max = VideoLimits.DESCRIPTION) String description,
        @Size(max = VideoLimits.TAGS) List<@NotBlank @Size(max = VideoLimits.TAG) String> tags,
        @NotNull VideoType videoType,
        @NotNull @Positive @Max(VideoLimits.DURATION_SECONDS) Integer durationSeconds) {
}
