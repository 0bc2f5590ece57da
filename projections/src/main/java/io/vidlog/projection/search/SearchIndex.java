package io.vidlog.projection.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import io.vidlog.projection.ProcessingGroups;
import io.vidlog.projection.ranking.PopularityWeights;
import io.vidlog.projection.support.RedisCopy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Elasticsearch copy of {@code search_video}: one document per searchable video (READY, not deleted), built
 * from the row after the batch that changed it committed, so a write repeated or late converges on the committed
 * state, as with the Redis copies.
 * <p>
 * Queries read the alias {@code vidlog.search.index}; writes go to the alias {@code <index>-write}. Both point to
 * the same index, named {@code <index>-<mapping version>-<time>}, except while a replay fills a new index: the
 * reset moves only the write alias, and once the {@code search} group has caught up the read alias follows and the
 * old index is dropped, so queries never see a half-built index. The same swap, filled from the rows instead of
 * the events, replaces an index that was lost, whose mapping version is older than {@value #MAPPING_VERSION}, or that
 * missed more writes than {@code vidlog.search.retry-limit}; fewer missed writes are retried one by one.
 * <p>
 * Only the node whose {@code search} processor holds its segment maintains the index, and writes and maintenance of
 * one node hold one lock, so a document is never overwritten by an older read of its row.
 */
@Component
public class SearchIndex {

    /** The version of {@code search/videos-<version>.json}: a new version is built from the rows on start. */
    static final String MAPPING_VERSION = "v1";
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final int CHUNK = 500;
    private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final String SELECT = """
            select video_id, owner_id, title, description, tags, video_type, ready, deleted, published_at,
                   likes, dislikes, superlikes, bookmarks, views, completions
            from search_video""";
    private static final String SEARCHABLE = " where ready and not deleted";

    /** Which index each alias points to (null: none), and every index of ours. */
    private record Aliases(String read, String write, Set<String> indices) {
    }

    private final ElasticsearchClient es;
    private final JdbcTemplate jdbc;
    private final SearchSettings settings;
    private final PopularityWeights popularity;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final Clock clock = Clock.systemUTC();
    private final Set<String> missed = ConcurrentHashMap.newKeySet();
    private volatile boolean tooManyMissed;
    private boolean maintenanceFailing;

    SearchIndex(ElasticsearchClient es, JdbcTemplate jdbc, SearchSettings settings, PopularityWeights popularity,
                ObjectProvider<EventProcessingConfiguration> processing) {
        this.es = es;
        this.jdbc = jdbc;
        this.settings = settings;
        this.popularity = popularity;
        this.processing = processing;
    }

    /** The alias queries read. */
    public String readAlias() {
        return settings.index();
    }

    private String writeAlias() {
        return settings.index() + "-write";
    }

    /** Rewrites the documents of these videos from their rows; runs after the batch that changed them committed. */
    synchronized void write(Collection<String> videoIds) {
        try {
            List<Row> rows = jdbc.query(SELECT + " where video_id = any(?)", this::row,
                    (Object) videoIds.toArray(String[]::new));
            Set<String> gone = new HashSet<>(videoIds);
            rows.forEach(row -> gone.remove(row.videoId()));
            bulk(rows, gone);
        } catch (IOException | RuntimeException e) {
            remember(videoIds, e);
        }
    }

    /**
     * The documents the projection has written (through the write alias) for these videos, or for all when
     * {@code videoIds} is null; a video without a document is absent.
     */
    Map<String, SearchDocument> written(Collection<String> videoIds) {
        try {
            es.indices().refresh(refresh -> refresh.index(writeAlias()));
            Map<String, SearchDocument> documents = new HashMap<>();
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> from = after;
                var page = es.search(search -> {
                    search.index(writeAlias()).size(CHUNK).sort(sort -> sort.field(field -> field.field("videoId")));
                    if (videoIds != null) {
                        search.query(q -> q.ids(ids -> ids.values(List.copyOf(videoIds))));
                    }
                    return from == null ? search : search.searchAfter(from);
                }, SearchDocument.class).hits().hits();
                page.forEach(hit -> documents.put(hit.id(), hit.source()));
                if (page.size() < CHUNK) {
                    return documents;
                }
                after = page.get(page.size() - 1).sort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the search documents", e);
        }
    }

    /** Starts a new index for a replay of the {@code search} group; queries keep the old one until it caught up. */
    synchronized void startRebuild() {
        try {
            Aliases aliases = aliases();
            String fresh = createIndex();
            point(writeAlias(), aliases.write(), fresh);
            if (aliases.read() == null) {
                point(readAlias(), null, fresh);
            }
            missed.clear();
            tooManyMissed = false;
            log.info("Replay of {}: filling the new index {}; queries read {} until the replay caught up",
                    ProcessingGroups.SEARCH, fresh, aliases.read());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a new search index for the replay", e);
        }
    }

    /** Keeps the index served and complete; runs every {@code vidlog.search.check-interval}. */
    @Scheduled(fixedDelayString = "${vidlog.search.check-interval:1s}", initialDelay = 0)
    synchronized void maintain() {
        Optional<StreamingEventProcessor> processor = processor();
        if (processor.isEmpty() || processor.get().processingStatus().isEmpty()) {
            return;
        }
        boolean replaying = processor.get().isReplaying();
        try {
            Aliases aliases = aliases();
            if (aliases.write() == null) {
                log.warn("No search index behind {}: building one from the search_video rows", writeAlias());
                rebuildFromRows(aliases, replaying);
            } else if (!replaying && !aliases.write().equals(aliases.read())) {
                serve(aliases.read(), aliases.write());
                log.info("Replay of {} caught up: queries now read {}", ProcessingGroups.SEARCH, aliases.write());
            } else if (!replaying && !aliases.write().startsWith(indexPrefix())) {
                log.info("Search index {} has an older mapping than {}: building a new one from the rows",
                        aliases.write(), MAPPING_VERSION);
                rebuildFromRows(aliases, false);
            } else if (tooManyMissed) {
                log.info("More than {} search documents missed their write: building a new index from the rows",
                        settings.retryLimit());
                rebuildFromRows(aliases, replaying);
            } else if (!missed.isEmpty()) {
                List<String> retry = List.copyOf(missed);
                missed.removeAll(retry);
                write(retry);
            }
            dropUnused(aliases());
            if (maintenanceFailing) {
                maintenanceFailing = false;
                log.info("Search index maintenance works again");
            }
        } catch (IOException | RuntimeException e) {
            if (!maintenanceFailing) {
                maintenanceFailing = true;
                log.warn("Search index maintenance failed, trying again every {} (logged once until it works): {}",
                        settings.checkInterval(), e.toString());
            }
        }
    }

    private void rebuildFromRows(Aliases aliases, boolean replaying) throws IOException {
        long started = System.nanoTime();
        String fresh = createIndex();
        point(writeAlias(), aliases.write(), fresh);
        missed.clear();
        tooManyMissed = false;
        long[] written = {0};
        RedisCopy.inChunks(jdbc, SELECT + SEARCHABLE, this::row, CHUNK, chunk -> written[0] += bulkOrFail(chunk));
        // While a replay fills the index, the rows are not complete yet: the read alias follows when it caught up.
        if (!replaying || aliases.read() == null) {
            serve(aliases.read(), fresh);
        }
        log.info("Built search index {} from {} rows in {} ms", fresh, written[0],
                (System.nanoTime() - started) / 1_000_000);
    }

    private int bulkOrFail(List<Row> chunk) {
        try {
            bulk(chunk, Set.of());
            return chunk.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes the searchable rows, and deletes the documents of the other rows and of videos without a row. */
    private void bulk(List<Row> rows, Set<String> withoutRow) throws IOException {
        if (rows.isEmpty() && withoutRow.isEmpty()) {
            return;
        }
        BulkRequest.Builder request = new BulkRequest.Builder().index(writeAlias()).requireAlias(true);
        for (Row row : rows) {
            if (row.searchable()) {
                request.operations(op -> op.index(index -> index.id(row.videoId()).document(row.document())));
            } else {
                request.operations(op -> op.delete(delete -> delete.id(row.videoId())));
            }
        }
        withoutRow.forEach(id -> request.operations(op -> op.delete(delete -> delete.id(id))));
        BulkResponse response = es.bulk(request.build());
        if (response.errors()) {
            List<String> failed = response.items().stream().filter(item -> item.error() != null)
                    .map(BulkResponseItem::id).toList();
            remember(failed, new IllegalStateException(response.items().stream()
                    .filter(item -> item.error() != null).findFirst().map(item -> item.error().reason())
                    .orElse("bulk errors")));
        }
    }

    private void remember(Collection<String> videoIds, Exception cause) {
        if (missed.isEmpty() && !tooManyMissed) {
            log.warn("Could not write {} search document(s) ({}); retrying every {}", videoIds.size(),
                    cause.toString(), settings.checkInterval());
        }
        missed.addAll(videoIds);
        if (missed.size() > settings.retryLimit()) {
            missed.clear();
            tooManyMissed = true;
        }
    }

    private String createIndex() throws IOException {
        String name = indexPrefix() + INDEX_TIME.format(clock.instant());
        try (InputStream mapping = new ClassPathResource("search/videos-" + MAPPING_VERSION + ".json")
                .getInputStream()) {
            es.indices().create(create -> create.index(name).withJson(mapping));
        }
        return name;
    }

    private String indexPrefix() {
        return settings.index() + "-" + MAPPING_VERSION + "-";
    }

    /** Moves {@code alias} from {@code from} (if any) to {@code to} in one atomic step. */
    private void point(String alias, String from, String to) throws IOException {
        List<Action> actions = new ArrayList<>();
        if (from != null) {
            actions.add(Action.of(action -> action.remove(remove -> remove.index(from).alias(alias))));
        }
        actions.add(Action.of(action -> action.add(add -> add.index(to).alias(alias))));
        es.indices().updateAliases(update -> update.actions(actions));
    }

    /**
     * Moves the read alias from {@code served} (if any) to {@code next} and drops {@code served}, in one atomic
     * step: no query finds no index, none finds the old one after the swap.
     */
    private void serve(String served, String next) throws IOException {
        List<Action> actions = new ArrayList<>();
        actions.add(Action.of(action -> action.add(add -> add.index(next).alias(readAlias()))));
        if (served != null) {
            actions.add(Action.of(action -> action.removeIndex(remove -> remove.index(served))));
        }
        es.indices().updateAliases(update -> update.actions(actions));
        if (served != null) {
            log.info("Dropped the replaced search index {}", served);
        }
    }

    /** Deletes our indices that neither alias points to any more (left over by an interrupted rebuild). */
    private void dropUnused(Aliases aliases) throws IOException {
        for (String index : aliases.indices()) {
            if (!index.equals(aliases.read()) && !index.equals(aliases.write())) {
                es.indices().delete(delete -> delete.index(index));
                log.info("Dropped the replaced search index {}", index);
            }
        }
    }

    private Aliases aliases() throws IOException {
        String read = null;
        String write = null;
        Set<String> indices = new HashSet<>();
        try {
            var response = es.indices().getAlias(get -> get.index(settings.index() + "-*"));
            for (var index : response.result().entrySet()) {
                indices.add(index.getKey());
                Map<String, ?> aliases = index.getValue().aliases();
                if (aliases.containsKey(readAlias())) {
                    read = index.getKey();
                }
                if (aliases.containsKey(writeAlias())) {
                    write = index.getKey();
                }
            }
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        return new Aliases(read, write, indices);
    }

    private Optional<StreamingEventProcessor> processor() {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        return configuration == null ? Optional.empty()
                : configuration.eventProcessor(ProcessingGroups.SEARCH, StreamingEventProcessor.class);
    }

    private record Row(String videoId, boolean searchable, SearchDocument document) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String videoId = rs.getString("video_id");
        Timestamp published = rs.getTimestamp("published_at");
        double score = popularity.score(rs.getLong("likes"), rs.getLong("dislikes"), rs.getLong("superlikes"),
                rs.getLong("bookmarks"), rs.getLong("views"), rs.getLong("completions"));
        return new Row(videoId, rs.getBoolean("ready") && !rs.getBoolean("deleted"),
                SearchDocument.of(videoId, rs.getString("title"), rs.getString("description"),
                        List.of((String[]) rs.getArray("tags").getArray()), rs.getString("video_type"),
                        rs.getString("owner_id"), published == null ? null : published.toInstant().toString(),
                        score));
    }
}
