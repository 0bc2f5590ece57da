package io.vidlog.query.me;

import io.vidlog.api.engagement.BookmarkPage;
import io.vidlog.api.engagement.FetchBookmarksQuery;
import io.vidlog.api.query.PageRequest;
import io.vidlog.api.taste.FetchPreferencesQuery;
import io.vidlog.api.taste.Preferences;
import io.vidlog.api.watch.FetchWatchHistoryQuery;
import io.vidlog.api.watch.HistoryPage;
import io.vidlog.query.web.Viewer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in viewer's bookmarks, watch history and taste scores ({@code /me/*}). */
@RestController
@RequestMapping("/api/v1/me")
class MeQueryController {

    /** Tags a preferences answer lists at most. */
    static final int PREFERENCE_TAGS = 50;

    private final QueryGateway queries;

    MeQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/bookmarks")
    BookmarkPage bookmarks(Viewer viewer, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return queries.query(new FetchBookmarksQuery(viewer.requireUserId(), new PageRequest(page, size)),
                BookmarkPage.class)
                .join();
    }

    @GetMapping("/history")
    HistoryPage history(Viewer viewer, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return queries.query(new FetchWatchHistoryQuery(viewer.requireUserId(), new PageRequest(page, size)),
                HistoryPage.class)
                .join();
    }

    @GetMapping("/preferences")
    Preferences preferences(Viewer viewer) {
        return queries.query(new FetchPreferencesQuery(viewer.requireUserId(), PREFERENCE_TAGS), Preferences.class)
                .join();
    }
}
