-- Axon's JDBC storage engine (JdbcEventStoreConfiguration) inserts events without a global index and lets the
-- database fill it in; the JPA engine (vidlog.event-store.engine=jpa) keeps asking the sequence itself. Both draw
-- from the same sequence, so either engine can run on the same data.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
alter sequence domain_event_entry_seq owned by domain_event_entry.global_index;
