package io.vidlog.projection.metadata;

import io.vidlog.api.engagement.Reaction;
import io.vidlog.api.engagement.VideoBookmarkRemovedEvent;
import io.vidlog.api.engagement.VideoBookmarkedEvent;
import io.vidlog.api.engagement.VideoReactionChangedEvent;
import io.vidlog.api.video.VideoCreatedEvent;
import io.vidlog.api.video.VideoEvent;
import io.vidlog.api.video.VideoStatus;
import io.vidlog.api.watch.VideoCompletedEvent;
import io.vidlog.api.watch.VideoViewStartedEvent;
import io.vidlog.api.watch.WatchProgressRecordedEvent;
import io.vidlog.projection.ProcessingGroups;
import io.vidlog.projection.drift.DriftCheck;
import io.vidlog.projection.drift.DriftModel;
import io.vidlog.projection.drift.DriftModel.Fact;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes, per video, the status and counts of {@code video_metadata}, and each viewer's reaction, bookmark and
 * last position on it.
 */
@Component
class VideoMetadataDriftCheck implements DriftCheck {

    private static final List<String> COUNTS =
            List.of("likes", "dislikes", "superlikes", "bookmarks", "views", "completions", "watched_seconds");

    private final JdbcTemplate jdbc;

    VideoMetadataDriftCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String group() {
        return ProcessingGroups.VIDEO_METADATA;
    }

    @Override
    public List<String> sample(int size) {
        return jdbc.queryForList("select video_id from video_metadata order by random() limit ?", String.class, size);
    }

    @Override
    public DriftModel newModel(DriftModel.Scope scope) {
        return new Model(scope);
    }

    private final class Model implements DriftModel {

        private final Scope scope;
        private final Map<Fact, String> facts = new HashMap<>();

        Model(Scope scope) {
            this.scope = scope;
        }

        @Override
        public String entityOf(Object event) {
            return event instanceof VideoEvent about ? about.videoId() : null;
        }

        @Override
        public void apply(Object event) {
            String video = entityOf(event);
            if (video == null || !scope.includes(video)) {
                return;
            }
            if (event instanceof VideoCreatedEvent) {
                COUNTS.forEach(count -> facts.put(new Fact(video, count), "0"));
            }
            VideoLifecycle.statusAfter(event).ifPresent(next -> facts.compute(new Fact(video, "status"),
                    (fact, current) -> VideoLifecycle.next(current == null ? null : VideoStatus.valueOf(current), next)
                            .name()));
            if (event instanceof VideoReactionChangedEvent e) {
                add(video, countOf(e.from()), -1);
                add(video, countOf(e.to()), 1);
                Fact reaction = new Fact(video, "reaction of " + e.userId());
                if (e.to() == Reaction.NONE) {
                    facts.remove(reaction);
                } else {
                    facts.put(reaction, e.to().name());
                }
            } else if (event instanceof VideoBookmarkedEvent e) {
                add(video, "bookmarks", 1);
                facts.put(new Fact(video, "bookmark of " + e.userId()), "true");
            } else if (event instanceof VideoBookmarkRemovedEvent e) {
                add(video, "bookmarks", -1);
                facts.remove(new Fact(video, "bookmark of " + e.userId()));
            } else if (event instanceof VideoViewStartedEvent) {
                add(video, "views", 1);
            } else if (event instanceof WatchProgressRecordedEvent e) {
                add(video, "watched_seconds", e.watchedSecondsAdded());
                facts.put(new Fact(video, "position of " + e.userId()), Integer.toString(e.positionSeconds()));
            } else if (event instanceof VideoCompletedEvent) {
                add(video, "completions", 1);
            }
        }

        private void add(String video, String count, long amount) {
            if (count != null) {
                facts.merge(new Fact(video, count), Long.toString(amount),
                        (old, delta) -> Long.toString(Long.parseLong(old) + Long.parseLong(delta)));
            }
        }

        private static String countOf(Reaction reaction) {
            return switch (reaction) {
                case LIKE -> "likes";
                case DISLIKE -> "dislikes";
                case SUPERLIKE -> "superlikes";
                case NONE -> null;
            };
        }

        @Override
        public Map<Fact, String> expected() {
            return facts;
        }

        @Override
        public Map<Fact, String> live() {
            Map<Fact, String> live = new HashMap<>();
            String filter = scope.isAll() ? "" : " where video_id = any(?)";
            Object[] args = scope.isAll() ? new Object[0] : new Object[]{scope.entities().toArray(String[]::new)};
            jdbc.query("select * from video_metadata" + filter, rs -> {
                String video = rs.getString("video_id");
                live.put(new Fact(video, "status"), rs.getString("status"));
                for (String count : COUNTS) {
                    live.put(new Fact(video, count), Long.toString(rs.getLong(count)));
                }
            }, args);
            jdbc.query("select video_id, user_id, reaction from video_reaction" + filter, rs -> {
                live.put(new Fact(rs.getString(1), "reaction of " + rs.getString(2)), rs.getString(3));
            }, args);
            jdbc.query("select video_id, user_id from video_bookmark" + filter, rs -> {
                live.put(new Fact(rs.getString(1), "bookmark of " + rs.getString(2)), "true");
            }, args);
            jdbc.query("select video_id, user_id, position_seconds from watch_history" + filter, rs -> {
                live.put(new Fact(rs.getString(1), "position of " + rs.getString(2)), rs.getString(3));
            }, args);
            return live;
        }
    }
}
