package io.vidlog.api.video;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code POST /api/v1/videos}. */
public record CreateVideoRequest(
        @NotBlank @Size(max = VideoLimits.TITLE) String title,
        @Size(max = VideoLimits.DESCRIPTION) String description,
        @Size(max = VideoLimits.TAGS) List<@NotBlank @Size(max = VideoLimits.TAG) String> tags,
        @NotNull VideoType videoType) {
}
