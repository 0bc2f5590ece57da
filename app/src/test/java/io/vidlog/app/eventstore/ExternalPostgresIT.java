package io.vidlog.app.eventstore;

import io.vidlog.app.VidlogApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Setting {@code spring.datasource.url} points Vidlog at an external PostgreSQL: Flyway builds the schema there,
 * events are stored there, and the local stack starts no PostgreSQL of its own.
 */
class ExternalPostgresIT {

    record ExternalCheckEvent(String id) {
    }

    @Test
    void aConfiguredDatasourceReplacesTheEmbeddedPostgres() throws Exception {
        Path dataDir = Path.of("target", "external-postgres", UUID.randomUUID().toString());
        // A PostgreSQL server of its own, from the same binaries the local stack uses but not managed by it.
        Path binaries = Path.of(System.getProperty("vidlog.local-stack.home"), "dist", "postgres");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setOverrideWorkingDirectory(binaries.toFile()).start()) {
            new JdbcTemplate(external.getPostgresDatabase()).execute("create database external_vidlog");
            String url = external.getJdbcUrl("postgres", "external_vidlog");

            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VidlogApplication.class)
                    .profiles("it")
                    .properties("spring.datasource.url=" + url, "spring.datasource.username=postgres",
                            "spring.datasource.password=")
                    .run()) {
                ConfigurableEnvironment environment = app.getEnvironment();
                assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(url);
                assertThat(environment.getPropertySources().get("vidlog-local-stack").containsProperty(
                        "spring.datasource.url")).as("local stack published a datasource").isFalse();

                String aggregateId = UUID.randomUUID().toString();
                app.getBean(TransactionTemplate.class).executeWithoutResult(status -> app.getBean(EventStore.class)
                        .publish(new GenericDomainEventMessage<>("Check", aggregateId, 0, new ExternalCheckEvent(aggregateId))));

                JdbcTemplate externalDb = new JdbcTemplate(external.getDatabase("postgres", "external_vidlog"));
                assertThat(externalDb.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?", Integer.class,
                        aggregateId)).isEqualTo(1);
                assertThat(externalDb.queryForObject(
                        "select count(*) from flyway_schema_history where success", Integer.class)).isPositive();
            }
        }
    }
}
