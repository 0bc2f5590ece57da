package io.vidlog.projection.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldValueFactorModifier;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScore;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.vidlog.api.query.PageRequest;
import io.vidlog.api.search.Feed;
import io.vidlog.api.taste.Preferences;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static io.vidlog.projection.search.ElasticsearchCalls.call;
import static io.vidlog.projection.search.ElasticsearchCalls.score;

/**
 * The feed, in two steps as recommenders do it, in one Elasticsearch request. <b>Candidates</b>: the query finds the
 * {@code vidlog.search.feed.candidates} videos that score best on cheaper forms of the ranking's signals, each a
 * clause Lucene knows the maximum score of, so it skips the videos that cannot reach them (constant tag boosts,
 * popularity in doubling bands, {@code distance_feature} freshness) — where scoring every video grows with the
 * catalogue. <b>Ranking</b>: the candidates are rescored exactly by the {@code function_score} (tag boosts by taste
 * score, {@code log1p} popularity, Gaussian freshness) and paged. The feed ends after the candidates. Scores use the
 * start of the current hour as "now" and ties go by a hash of the video id, so the pages of one hour do not shift
 * under a viewer who pages through.
 */
@Component
public class FeedReadModel {

    /** Popularity bands up to 2^this − 1: a video beyond the last band counts as in it, and is a candidate anyway. */
    private static final int POPULARITY_BANDS = 24;
    private static final double LOG10_OF_TWO = Math.log10(2);
    /**
     * Equal scores are common (fresh videos minutes apart differ below a float's precision), and a rescore cannot be
     * sorted by a second field: a per-video pseudo-random score this small orders them, the same way every time.
     */
    private static final double TIE_BREAK_WEIGHT = 0.001;

    private final ElasticsearchClient es;
    private final SearchIndex index;
    private final SearchSettings.Feed ranking;
    /** Depend on the settings only: built once, not per feed. */
    private final List<Query> popularityBands;

    FeedReadModel(ElasticsearchClient es, SearchIndex index, SearchSettings settings) {
        this.es = es;
        this.index = index;
        this.ranking = settings.feed();
        this.popularityBands = popularityBands(ranking.popularityFactor());
    }

    /** A feed page of videos ranked by the viewer's {@code tags}, popularity and freshness, without {@code skipped}. */
    public Feed feed(List<Preferences.TagScore> tags, Collection<String> skipped, PageRequest page) {
        int left = (int) Math.min(page.size(), ranking.candidates() - page.offset());
        if (left <= 0) {
            return new Feed(List.of(), page.page(), page.size());
        }
        List<TagBoost> boosts = tagBoosts(tags);
        String now = Instant.now().truncatedTo(ChronoUnit.HOURS).toString();
        List<FieldValue> skip = skipped.stream().map(FieldValue::of).toList();
        SearchResponse<SearchDocument> response = call(() -> es.search(search -> search
                .index(index.readAlias())
                .query(q -> q.bool(bool -> bool.should(candidateSignals(boosts, now))
                        .mustNot(not -> not.terms(terms -> terms.field("videoId").terms(ids -> ids.value(skip))))))
                .rescore(rescore -> rescore.windowSize(ranking.candidates()).query(exact -> exact
                        .query(q -> q.functionScore(scored -> scored.functions(ranking(boosts, now))
                                .scoreMode(FunctionScoreMode.Sum)
                                .boostMode(FunctionBoostMode.Replace)))
                        .queryWeight(0.0).rescoreQueryWeight(1.0)))
                .trackTotalHits(total -> total.enabled(false))
                .from((int) page.offset()).size(left)
                .source(source -> source.filter(filter -> filter.includes(SearchDocument.LISTED_FIELDS))),
                SearchDocument.class));
        return new Feed(response.hits().hits().stream()
                .map(hit -> new Feed.Item(hit.source().videoId(), hit.source().title(), hit.source().tags(),
                        score(hit)))
                .toList(), page.page(), page.size());
    }

    /** The exact score: tag boosts, {@code log1p} popularity, Gaussian freshness, and the tie-break. */
    private List<FunctionScore> ranking(List<TagBoost> boosts, String now) {
        List<FunctionScore> functions = new ArrayList<>();
        boosts.forEach(boost -> functions.add(FunctionScore.of(f -> f.filter(boost.query()).weight(boost.weight()))));
        functions.add(FunctionScore.of(f -> f.fieldValueFactor(popularity -> popularity.field("popularity")
                .modifier(FieldValueFactorModifier.Log1p).factor(ranking.popularityFactor()).missing(0.0))));
        functions.add(FunctionScore.of(f -> f.gauss(gauss -> gauss.date(date -> date.field("publishedAt")
                        .placement(at -> at.origin(now).decay(0.5).scale(halfLife()))))
                .weight(ranking.freshnessWeight())));
        functions.add(FunctionScore.of(f -> f.randomScore(random -> random.field("videoId").seed("0"))
                .weight(TIE_BREAK_WEIGHT)));
        return functions;
    }

    /**
     * Queries close to the ranking's functions that Lucene can skip with: the same tag boosts, the popularity term
     * rounded down to its band, freshness by {@code distance_feature} (half the boost at the half life, like the
     * Gaussian, but a longer tail).
     */
    private List<Query> candidateSignals(List<TagBoost> boosts, String now) {
        List<Query> signals = new ArrayList<>();
        boosts.forEach(boost -> signals.add(Query.of(q -> q.constantScore(constant -> constant.filter(boost.query())
                .boost((float) boost.weight())))));
        signals.addAll(popularityBands);
        signals.add(Query.of(q -> q.distanceFeature(feature -> feature.date(date -> date.field("publishedAt")
                .origin(now).pivot(halfLife()).boost((float) ranking.freshnessWeight())))));
        return signals;
    }

    /**
     * {@code log1p(factor × popularity)} as constant scores: popularity from 2^k − 1 up to 2^(k+1) − 1 (times the
     * factor) scores k·log10 2, its value at the band's start, so a band never scores above the exact term.
     */
    private static List<Query> popularityBands(double factor) {
        List<Query> bands = new ArrayList<>();
        for (int band = 1; band <= POPULARITY_BANDS; band++) {
            double from = (Math.pow(2, band) - 1) / factor;
            double to = (Math.pow(2, band + 1) - 1) / factor;
            boolean last = band == POPULARITY_BANDS;
            float score = (float) (band * LOG10_OF_TWO);
            bands.add(Query.of(q -> q.constantScore(constant -> constant.boost(score).filter(f -> f.range(range ->
                    range.number(number -> {
                        number.field("popularity").gte(from);
                        return last ? number : number.lt(to);
                    }))))));
        }
        return List.copyOf(bands);
    }

    private Time halfLife() {
        return Time.of(time -> time.time(ranking.freshnessHalfLife().toMinutes() + "m"));
    }

    /** The best tag gets the full tag weight, the others their share of it by score; disliked tags boost nothing. */
    private List<TagBoost> tagBoosts(List<Preferences.TagScore> tags) {
        List<Preferences.TagScore> liked = tags.stream().filter(tag -> tag.score() > 0).limit(ranking.topTags())
                .toList();
        double best = liked.stream().mapToDouble(Preferences.TagScore::score).max().orElse(1);
        return liked.stream().map(tag -> new TagBoost(tag.tag(), ranking.tagWeight() * tag.score() / best)).toList();
    }

    private record TagBoost(String tag, double weight) {

        Query query() {
            return Query.of(q -> q.term(term -> term.field("tags").value(tag)));
        }
    }
}
