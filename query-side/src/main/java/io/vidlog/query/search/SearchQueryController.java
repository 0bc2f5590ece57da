package io.vidlog.query.search;

import io.vidlog.api.query.PageRequest;
import io.vidlog.api.search.Feed;
import io.vidlog.api.search.FetchFeedQuery;
import io.vidlog.api.search.FetchSearchResultsQuery;
import io.vidlog.api.search.FetchSuggestionsQuery;
import io.vidlog.api.search.SearchResults;
import io.vidlog.api.search.Suggestions;
import io.vidlog.api.video.VideoLimits;
import io.vidlog.api.video.VideoType;
import io.vidlog.projection.search.SearchUnavailableException;
import io.vidlog.query.web.Viewer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.concurrent.CompletionException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE;

/** Discovery: search, autocomplete and the feed; anonymous visitors allowed. */
@RestController
@RequestMapping("/api/v1")
class SearchQueryController {

    /** How deep a list can be paged: Elasticsearch's default {@code index.max_result_window}. */
    static final int MAX_RESULT_WINDOW = 10_000;

    private final QueryGateway queries;

    SearchQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/search")
    SearchResults search(@RequestParam @NotBlank @Size(max = FetchSearchResultsQuery.MAX_TEXT) String q,
            @RequestParam(required = false) VideoType type,
            @RequestParam(required = false) @Size(max = VideoLimits.TAGS)
            List<@NotBlank @Size(max = VideoLimits.TAG) String> tags,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return ask(new FetchSearchResultsQuery(q, type, tags == null ? List.of() : tags,
                pageWithinWindow(page, size)), SearchResults.class);
    }

    @GetMapping("/search/autocomplete")
    Suggestions autocomplete(@RequestParam @NotBlank @Size(max = FetchSuggestionsQuery.MAX_PREFIX) String prefix,
            @RequestParam(defaultValue = "5") @Min(1) @Max(FetchSuggestionsQuery.MAX_SIZE) int size) {
        return ask(new FetchSuggestionsQuery(prefix, size), Suggestions.class);
    }

    @GetMapping("/feed")
    Feed feed(Viewer viewer, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return ask(new FetchFeedQuery(viewer.userId(), pageWithinWindow(page, size)), Feed.class);
    }

    /** Asks the query; Elasticsearch being away is a 503 the client may retry, not a 500. */
    private <R> R ask(Object query, Class<R> answer) {
        try {
            return queries.query(query, answer).join();
        } catch (CompletionException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SearchUnavailableException unavailable) {
                    throw new ResponseStatusException(SERVICE_UNAVAILABLE,
                            "Search is unavailable for a moment (" + unavailable.getMessage() + "); try again", e);
                }
            }
            throw e;
        }
    }

    private static PageRequest pageWithinWindow(int page, int size) {
        PageRequest request = new PageRequest(page, size);
        if (request.offset() + size > MAX_RESULT_WINDOW) {
            throw new ResponseStatusException(BAD_REQUEST,
                    "Pages reach only the first " + MAX_RESULT_WINDOW + " results: ask for an earlier page");
        }
        return request;
    }
}
