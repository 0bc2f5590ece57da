package io.vidlog.app.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Axon's JDBC engine, handing out the events it reads with their timestamps parsed once
 * ({@link ParsedTimestampEventData}): Axon's own entries parse the stored text again at every
 * {@code getTimestamp()}, and a processor's stream asks again after Axon's reading of the row has asked for its gap
 * check (that first parse, inside Axon's {@code getTrackedEventData}, stays).
 */
class ParsedTimestampJdbcEventStorageEngine extends JdbcEventStorageEngine {

    ParsedTimestampJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> read = super.getTrackedEventData(resultSet, previousToken);
        return new TrackedDomainEventData<>(read.trackingToken(), parsed((DomainEventData<?>) read, resultSet));
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return parsed(super.getDomainEventData(resultSet), resultSet);
    }

    @Override
    protected DomainEventData<?> getSnapshotData(ResultSet resultSet) throws SQLException {
        return parsed(super.getSnapshotData(resultSet), resultSet);
    }

    private DomainEventData<?> parsed(DomainEventData<?> read, ResultSet resultSet) throws SQLException {
        return new ParsedTimestampEventData<>(read, resultSet.getString(schema().timestampColumn()));
    }
}
