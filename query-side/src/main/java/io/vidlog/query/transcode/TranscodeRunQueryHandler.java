package io.vidlog.query.transcode;

import io.vidlog.api.transcode.FetchTranscodeRunQuery;
import io.vidlog.api.transcode.FetchTranscodeRunsQuery;
import io.vidlog.api.transcode.TranscodeRunDetail;
import io.vidlog.api.transcode.TranscodeRunList;
import io.vidlog.projection.transcode.TranscodeRunReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers the admin API's saga queries from the {@code transcode-steps} read model. */
@Component
class TranscodeRunQueryHandler {

    private final TranscodeRunReadModel runs;

    TranscodeRunQueryHandler(TranscodeRunReadModel runs) {
        this.runs = runs;
    }

    @QueryHandler
    TranscodeRunList handle(FetchTranscodeRunsQuery query) {
        return runs.list(query.status(), query.videoIdPrefix(), query.page());
    }

    @QueryHandler
    Optional<TranscodeRunDetail> handle(FetchTranscodeRunQuery query) {
        return runs.detail(query.videoId());
    }
}
