package io.vidlog.app.eventstore;

import io.vidlog.app.VidlogIntegrationTest;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Axon's event store and token store on the real PostgreSQL, with the schema Flyway owns. */
@VidlogIntegrationTest
class PostgresEventStoreIT {

    record SomethingHappenedEvent(String id, String what) {
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void appendedEventsAreReadBackInOrderWithTheirPayload() {
        String aggregateId = UUID.randomUUID().toString();

        append(aggregateId, 0, "first");
        append(aggregateId, 1, "second");

        List<Object> payloads = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(event -> payloads.add(event.getPayload()));
        assertThat(payloads).containsExactly(new SomethingHappenedEvent(aggregateId, "first"),
                new SomethingHappenedEvent(aggregateId, "second"));
    }

    @Test
    void payloadsAreStoredAsByteaNotLargeObjects() {
        List<String> types = jdbc.queryForList("""
                select table_name || '.' || column_name || ':' || data_type from information_schema.columns
                where column_name in ('payload', 'meta_data', 'token', 'serialized_saga')
                  and table_name in ('domain_event_entry', 'snapshot_event_entry', 'token_entry', 'saga_entry')
                """, String.class);

        assertThat(types).hasSize(6).allSatisfy(type -> assertThat(type).endsWith(":bytea"));
        String aggregateId = UUID.randomUUID().toString();
        append(aggregateId, 0, "stored as json bytes");
        String stored = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
                String.class, aggregateId);
        assertThat(stored).contains("\"what\":\"stored as json bytes\"");
    }

    @Test
    void concurrentWritersGetADenseGlobalIndex() throws Exception {
        Long before = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Callable<Void>> appends = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String aggregateId = UUID.randomUUID().toString();
            appends.add(() -> {
                append(aggregateId, 0, "concurrent");
                return null;
            });
        }
        for (Future<Void> done : writers.invokeAll(appends)) {
            done.get();
        }
        writers.shutdown();

        List<Long> indexes = jdbc.queryForList(
                "select global_index from domain_event_entry where global_index > ? order by global_index",
                Long.class, before);
        assertThat(indexes).hasSize(200);
        assertThat(indexes).containsExactlyElementsOf(
                LongStream.rangeClosed(indexes.get(0), indexes.get(0) + 199).boxed().toList());
    }

    @Test
    void aSecondAppendOfASequenceNumberIsAConcurrentModificationNotAStoreFailure() {
        String aggregateId = UUID.randomUUID().toString();
        append(aggregateId, 0, "created");
        append(aggregateId, 1, "changed");

        assertThatThrownBy(() -> append(aggregateId, 1, "changed by a stale copy"))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> append(aggregateId, 0, "created again"))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, aggregateId)).isEqualTo(2);
    }

    @Test
    void trackingTokensAreStoredInPostgres() {
        String processor = "it-processor-" + UUID.randomUUID();

        transaction.executeWithoutResult(status -> {
            tokenStore.initializeTokenSegments(processor, 2);
            tokenStore.storeToken(new GlobalSequenceTrackingToken(42), processor, 1);
        });

        assertThat(tokenStore.fetchSegments(processor)).containsExactly(0, 1);
        TrackingToken stored = transaction.execute(status -> tokenStore.fetchToken(processor, 1));
        assertThat(stored).isEqualTo(new GlobalSequenceTrackingToken(42));
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class,
                processor)).isEqualTo(2);
    }

    @Test
    void eventsAreReadBackWithTheTimestampTheyWereAppendedWith() {
        String aggregateId = UUID.randomUUID().toString();
        TrackingToken before = eventStore.createHeadToken();

        Instant stored = append(aggregateId, 0, "timed").truncatedTo(ChronoUnit.MILLIS);

        assertThat(eventStore.readEvents(aggregateId).next().getTimestamp()).isEqualTo(stored);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(before)) {
            TrackedEventMessage<?> event = nextOf(stream, aggregateId);
            assertThat(event.getTimestamp()).isEqualTo(stored);
        }
    }

    private static TrackedEventMessage<?> nextOf(BlockingStream<TrackedEventMessage<?>> stream, String aggregateId) {
        try {
            while (true) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event instanceof DomainEventMessage<?> domain
                        && domain.getAggregateIdentifier().equals(aggregateId)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Appends an event and returns its timestamp. */
    private Instant append(String aggregateId, long sequence, String what) {
        DomainEventMessage<SomethingHappenedEvent> event = new GenericDomainEventMessage<>(
                "Something", aggregateId, sequence, new SomethingHappenedEvent(aggregateId, what));
        transaction.executeWithoutResult(status -> eventStore.publish(event));
        return event.getTimestamp();
    }
}
