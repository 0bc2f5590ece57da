package io.vidlog.projection.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import io.vidlog.api.query.PageRequest;
import io.vidlog.api.search.SearchResults;
import io.vidlog.api.search.Suggestions;
import io.vidlog.api.video.VideoType;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.vidlog.projection.search.ElasticsearchCalls.call;
import static io.vidlog.projection.search.ElasticsearchCalls.score;

/**
 * Search and autocomplete over the Elasticsearch index of searchable videos, for the query side. The index
 * holds READY videos only, so nothing deleted or unpublished can be returned.
 */
@Component
public class SearchReadModel {

    private static final String SUGGESTER = "titles";
    private static final int EXACT_TOTAL_UP_TO = 1000;
    /** Title matches count three times a description match: a video named after the query comes first. */
    private static final float TITLE_BOOST = 3;
    private static final float TAG_BOOST = 2;
    private static final float PARTIAL_WORD_BOOST = 1.5f;
    private static final float CHOSUNG_BOOST = 3;
    /**
     * Typos are looked for after the first letter, among at most this many similar words: a typo in the first
     * letter is rare, and leaving it out spares most of the fuzzy query's cost.
     */
    private static final int TYPO_FREE_PREFIX = 1;
    private static final int TYPO_EXPANSIONS = 20;
    /** Of the query's two-letter pieces, how many a title must share to match it regardless of spacing. */
    private static final String COMPACT_SHARE = "75%";

    private final ElasticsearchClient es;
    private final SearchIndex index;

    SearchReadModel(ElasticsearchClient es, SearchIndex index) {
        this.es = es;
        this.index = index;
    }

    /**
     * Videos matching {@code text}, titles first; {@code type} and every one of {@code tags} filter. The total is
     * counted exactly up to {@value #EXACT_TOTAL_UP_TO} only: beyond it Elasticsearch skips the hits that cannot
     * reach the page instead of scoring every one, which for a common word is most of the query's cost.
     */
    public SearchResults search(String text, VideoType type, List<String> tags, PageRequest page) {
        String query = text.strip();
        SearchResponse<SearchDocument> response = call(() -> es.search(search -> search
                .index(index.readAlias())
                .query(q -> q.bool(bool -> {
                    if (type != null) {
                        bool.filter(f -> f.term(t -> t.field("videoType").value(type.name())));
                    }
                    tags.forEach(tag -> bool.filter(f -> f.term(t -> t.field("tags").value(tag))));
                    return bool.must(m -> m.bool(matches -> textMatches(matches, query)));
                }))
                .from((int) page.offset()).size(page.size())
                .trackTotalHits(total -> total.count(EXACT_TOTAL_UP_TO))
                .source(source -> source.filter(filter -> filter.includes(SearchDocument.LISTED_FIELDS))),
                SearchDocument.class));
        List<SearchResults.Hit> hits = response.hits().hits().stream()
                .map(hit -> new SearchResults.Hit(hit.source().videoId(), hit.source().title(), hit.source().tags(),
                        VideoType.valueOf(hit.source().videoType()), score(hit)))
                .toList();
        TotalHits total = response.hits().total();
        return new SearchResults(hits, total == null ? hits.size() : total.value(),
                total == null || total.relation() == TotalHitsRelation.Eq, page.page(), page.size());
    }

    /**
     * The ways a title, description or tag matches: analysed words (particles dropped, compounds split, English
     * stemmed, one or two typos forgiven), word beginnings, the text without spaces, and initial consonants.
     */
    private static BoolQuery.Builder textMatches(BoolQuery.Builder matches, String query) {
        matches.should(s -> s.match(m -> m.field("title").query(query).fuzziness("AUTO")
                        .prefixLength(TYPO_FREE_PREFIX).maxExpansions(TYPO_EXPANSIONS).boost(TITLE_BOOST)))
                .should(s -> s.match(m -> m.field("title.prefix").query(query).operator(Operator.And)
                        .boost(PARTIAL_WORD_BOOST)))
                .should(s -> s.match(m -> m.field("description").query(query)))
                .should(s -> s.match(m -> m.field("tags.text").query(query).boost(TAG_BOOST)));
        String compact = SearchDocument.compact(query);
        if (compact.codePointCount(0, compact.length()) >= 2) {
            matches.should(s -> s.match(m -> m.field("titleCompact").query(compact)
                    .minimumShouldMatch(COMPACT_SHARE)));
        }
        if (Chosung.isChosungOnly(query)) {
            matches.should(s -> s.match(m -> m.field("chosung").query(query).operator(Operator.And)
                    .boost(CHOSUNG_BOOST)));
        }
        return matches.minimumShouldMatch("1");
    }

    /** Up to {@code size} titles starting with {@code prefix} or whose initial consonants do, most popular first. */
    public Suggestions suggest(String prefix, int size) {
        SearchResponse<SearchDocument> response = call(() -> es.search(search -> search
                .index(index.readAlias())
                .size(0)
                .source(source -> source.filter(filter -> filter.includes(SearchDocument.LISTED_FIELDS)))
                .suggest(suggest -> suggest.suggesters(SUGGESTER, suggester -> suggester
                        .prefix(prefix.strip().toLowerCase(Locale.ROOT))
                        .completion(completion -> completion.field("suggest").size(size).skipDuplicates(true)))),
                SearchDocument.class));
        Map<String, Suggestions.Suggestion> unique = new LinkedHashMap<>();
        response.suggest().getOrDefault(SUGGESTER, List.of()).forEach(suggestion -> suggestion.completion().options()
                .forEach(option -> unique.putIfAbsent(option.id(),
                        new Suggestions.Suggestion(option.id(), option.source().title()))));
        return new Suggestions(unique.values().stream().limit(size).toList());
    }
}
