package io.vidlog.api.video;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code PATCH /api/v1/videos/{id}}: only the fields present change. */
public record EditVideoRequest(
        @Size(min = 1, max = VideoLimits.TITLE) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
        @Size(max = VideoLimits.DESCRIPTION) String description,
        @Size(max = VideoLimits.TAGS) List<@NotBlank @Size(max = VideoLimits.TAG) String> tags) {
}
