package io.vidlog.query.transcode;

import io.vidlog.api.query.PageRequest;
import io.vidlog.api.transcode.FetchTranscodeRunQuery;
import io.vidlog.api.transcode.FetchTranscodeRunsQuery;
import io.vidlog.api.transcode.TranscodeRunDetail;
import io.vidlog.api.transcode.TranscodeRunList;
import io.vidlog.api.transcode.TranscodeRunStatus;
import io.vidlog.api.transcode.TranscodeRunSummary;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Operators follow the transcoding sagas: {@code GET /admin/sagas} lists each video's latest run (filtered by status,
 * searched by video id prefix, paged; the total is in {@code X-Total-Count}), {@code GET /admin/sagas/{videoId}} gives
 * its timeline.
 */
@RestController
@RequestMapping("/api/v1/admin/sagas")
class SagaAdminController {

    static final String TOTAL_COUNT = "X-Total-Count";

    private final QueryGateway queries;

    SagaAdminController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    ResponseEntity<List<TranscodeRunSummary>> list(@RequestParam(required = false) String status,
                                                   @RequestParam(required = false) @Size(max = 64) String videoId,
                                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                                   @RequestParam(defaultValue = PageRequest.DEFAULT_SIZE) @Min(1)
                                                   @Max(PageRequest.MAX_SIZE) int size) {
        TranscodeRunList runs = queries.query(new FetchTranscodeRunsQuery(statusOf(status), videoId,
                new PageRequest(page, size)), TranscodeRunList.class).join();
        return ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(runs.total())).body(runs.items());
    }

    /** Operators type {@code running} as readily as {@code RUNNING}. */
    private static TranscodeRunStatus statusOf(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TranscodeRunStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status must be one of "
                    + Arrays.toString(TranscodeRunStatus.values()) + ", not " + status);
        }
    }

    @GetMapping("/{videoId}")
    TranscodeRunDetail detail(@PathVariable String videoId) {
        return queries.query(new FetchTranscodeRunQuery(videoId),
                        ResponseTypes.optionalInstanceOf(TranscodeRunDetail.class)).join()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No transcoding run for video " + videoId));
    }
}
