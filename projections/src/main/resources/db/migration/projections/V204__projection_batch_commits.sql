-- When each processing group committed each batch of events: the admin API's event trace answers "when did each read
-- model apply this event" from it. A row is written in the batch's own transaction (BatchCommitLog), so it exists
-- exactly when the batch's token and writes do; rows are pruned by age and by count per group.
create table projection_batch_commit (
    processing_group varchar(64) not null,
    -- global indexes of the first and last event of the batch that the group handled
    first_index      bigint      not null,
    last_index       bigint      not null,
    committed_at     timestamptz not null
);

-- The trace looks up, per group, the first batch that reached an event; pruning keeps the newest rows per group.
create index projection_batch_commit_group_last_idx on projection_batch_commit (processing_group, last_index);
