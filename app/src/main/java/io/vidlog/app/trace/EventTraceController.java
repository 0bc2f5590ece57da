package io.vidlog.app.trace;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operators trace a video through the read models (ADMIN only, see SecurityConfiguration): its newest events from the
 * event store, and for each projection when it applied each one, or why not yet.
 */
@RestController
class EventTraceController {

    static final int MAX_LIMIT = 500;

    private final EventTrace trace;

    EventTraceController(EventTrace trace) {
        this.trace = trace;
    }

    @GetMapping("/api/v1/admin/videos/{videoId}/events")
    VideoEventTrace events(@PathVariable @Size(max = 64) String videoId,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit) {
        return trace.of(videoId, limit).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No events for video " + videoId));
    }
}
