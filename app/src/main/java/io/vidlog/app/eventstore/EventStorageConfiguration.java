package io.vidlog.app.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * How events are stored: Axon's JDBC storage engine on the tables of {@code V1__axon_framework_tables.sql}.
 * <p>
 * Axon's Spring Boot default with JPA on the classpath is its JPA engine, which Hibernate drives: a {@code nextval}
 * round trip for every event's global index before its insert, and an entity persisted and flushed per event — 7 % of
 * the application's CPU in the command benchmark's profile. The JDBC engine inserts a command's events in one
 * batch, PostgreSQL fills in the global index from the same sequence (the column's default, {@code
 * V3__global_index_default.sql}), and tracking processors read plain rows. Both engines use the same tables and
 * formats, so {@code vidlog.event-store.engine=jpa} switches back to the JPA engine on the same data (the benchmarks'
 * "Axon default" configuration does). A second append of an aggregate's sequence number violates the table's unique
 * key, which Axon's auto-configured resolver (by SQLSTATE) turns into a {@code ConcurrencyException} with either.
 * <p>
 * The events it reads carry their timestamps parsed once ({@link ParsedTimestampJdbcEventStorageEngine}), and it reads
 * {@code vidlog.event-store.read-batch-size} of them per query.
 * <p>
 * The JDBC engine's connections are those of Spring's transaction: an event insert commits with the JPA work of the
 * same unit of work (the command side's video lookup, a processor's read models and token).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vidlog.event-store.engine", havingValue = "jdbc", matchIfMissing = true)
public class EventStorageConfiguration {

    /** Axon's entity tables under the column names Hibernate gave them (snake case). */
    static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          DataSource dataSource, TransactionManager transactionManager,
                                          org.axonframework.config.Configuration axon,
                                          EventStoreSettings settings) {
        return new ParsedTimestampJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .schema(SCHEMA)
                .dataType(byte[].class)
                .batchSize(settings.readBatchSize()));
    }
}
