package io.vidlog.app.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedObject;

import java.time.Instant;

/**
 * A stored event as Axon's JDBC engine reads it, with its timestamp parsed once ({@link StoredTimestamps}) instead of
 * at every {@link #getTimestamp()}.
 */
record ParsedTimestampEventData<T>(DomainEventData<T> stored, Instant timestamp) implements DomainEventData<T> {

    ParsedTimestampEventData(DomainEventData<T> stored, String timestampText) {
        this(stored, StoredTimestamps.parse(timestampText));
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public String getType() {
        return stored.getType();
    }

    @Override
    public String getAggregateIdentifier() {
        return stored.getAggregateIdentifier();
    }

    @Override
    public long getSequenceNumber() {
        return stored.getSequenceNumber();
    }

    @Override
    public String getEventIdentifier() {
        return stored.getEventIdentifier();
    }

    @Override
    public SerializedObject<T> getMetaData() {
        return stored.getMetaData();
    }

    @Override
    public SerializedObject<T> getPayload() {
        return stored.getPayload();
    }
}
