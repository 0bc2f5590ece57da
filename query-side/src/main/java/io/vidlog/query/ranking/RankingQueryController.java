package io.vidlog.query.ranking;

import io.vidlog.api.ranking.BookmarkRanking;
import io.vidlog.api.ranking.FetchBookmarkRankingQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rankings")
class RankingQueryController {

    private final QueryGateway queries;

    RankingQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/bookmarks")
    BookmarkRanking bookmarks(@RequestParam(defaultValue = "10") @Min(1)
                              @Max(FetchBookmarkRankingQuery.MAX_LIMIT) int limit) {
        return queries.query(new FetchBookmarkRankingQuery(limit), BookmarkRanking.class).join();
    }
}
