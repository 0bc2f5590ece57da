package io.vidlog.projection.search;

import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoDeletedEvent;
import io.vidlog.api.video.VideoEditedEvent;
import io.vidlog.api.video.VideoEvent;
import io.vidlog.api.video.VideoPublishedEvent;
import io.vidlog.projection.ProcessingGroups;
import io.vidlog.projection.drift.DriftCheck;
import io.vidlog.projection.drift.DriftModel;
import io.vidlog.projection.drift.DriftModel.Fact;
import io.vidlog.projection.drift.RecountedEngagement;
import io.vidlog.projection.ranking.PopularityWeights;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes, per video, what Elasticsearch must hold: whether it is searchable (READY, not deleted), and if so its
 * title, tags, type and popularity; compared with the documents the projection wrote.
 */
@Component
class SearchDriftCheck implements DriftCheck {

    private final JdbcTemplate jdbc;
    private final SearchIndex index;
    private final PopularityWeights weights;

    SearchDriftCheck(JdbcTemplate jdbc, SearchIndex index, PopularityWeights weights) {
        this.jdbc = jdbc;
        this.index = index;
        this.weights = weights;
    }

    @Override
    public String group() {
        return ProcessingGroups.SEARCH;
    }

    @Override
    public List<String> sample(int size) {
        return jdbc.queryForList("select video_id from search_video order by random() limit ?", String.class, size);
    }

    @Override
    public DriftModel newModel(DriftModel.Scope scope) {
        return new Model(scope);
    }

    /** A video as its events left it. */
    private static final class Video {
        String title;
        List<String> tags;
        String videoType;
        boolean ready;
        boolean deleted;
        final RecountedEngagement counts = new RecountedEngagement();
    }

    private final class Model implements DriftModel {

        private final Scope scope;
        private final Map<String, Video> videos = new HashMap<>();

        Model(Scope scope) {
            this.scope = scope;
        }

        @Override
        public String entityOf(Object event) {
            return event instanceof VideoEvent about ? about.videoId() : null;
        }

        @Override
        public void apply(Object event) {
            String id = entityOf(event);
            if (id == null || !scope.includes(id)) {
                return;
            }
            if (event instanceof VideoCreatedEvent created) {
                Video video = new Video();
                video.title = created.title();
                video.tags = created.tags();
                video.videoType = created.videoType().name();
                videos.put(id, video);
                return;
            }
            Video video = videos.get(id);
            if (video == null) {
                return;
            }
            if (event instanceof VideoEditedEvent edited) {
                video.title = edited.title();
                video.tags = edited.tags();
            } else if (event instanceof VideoPublishedEvent) {
                video.ready = true;
            } else if (event instanceof VideoDeletedEvent) {
                video.deleted = true;
            } else {
                video.counts.apply(event);
            }
        }

        @Override
        public Map<Fact, String> expected() {
            Map<Fact, String> facts = new HashMap<>();
            videos.forEach((id, video) -> {
                boolean searchable = video.ready && !video.deleted;
                RecountedEngagement counts = video.counts;
                double popularity = weights.score(counts.likes(), counts.dislikes(), counts.superlikes(),
                        counts.bookmarks(), counts.views(), counts.completions());
                put(facts, id, searchable ? SearchDocument.of(id, video.title, "", video.tags, video.videoType, "",
                        null, popularity) : null);
            });
            return facts;
        }

        @Override
        public Map<Fact, String> live() {
            Map<Fact, String> facts = new HashMap<>();
            List<String> rows = jdbc.queryForList("select video_id from search_video", String.class).stream()
                    .filter(scope::includes).toList();
            Map<String, SearchDocument> documents = index.written(scope.isAll() ? null : rows);
            rows.forEach(id -> put(facts, id, documents.remove(id)));
            // A document without a row: the index holds a video the projection does not know.
            documents.forEach((id, document) -> put(facts, id, document));
            return facts;
        }

        private static void put(Map<Fact, String> facts, String id, SearchDocument document) {
            facts.put(new Fact(id, "searchable"), Boolean.toString(document != null));
            if (document != null) {
                facts.put(new Fact(id, "title"), document.title());
                facts.put(new Fact(id, "tags"), String.valueOf(document.tags()));
                facts.put(new Fact(id, "videoType"), document.videoType());
                facts.put(new Fact(id, "popularity"), Double.toString(document.popularity()));
            }
        }
    }
}
