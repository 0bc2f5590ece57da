package io.vidlog.api.upload;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code POST /api/v1/videos/{id}/upload/complete}: the ETag S3 answered for each uploaded part. */
public record CompleteVideoUploadRequest(
        @NotBlank @Size(max = 1024) String uploadId,
        @NotEmpty @Size(max = UploadLimits.MAX_PARTS) List<@Valid @NotNull Part> parts) {

    public record Part(@NotNull @Min(1) @Max(UploadLimits.MAX_PARTS) Integer partNumber,
                       @NotBlank @Size(max = 200) String etag) {
    }
}
