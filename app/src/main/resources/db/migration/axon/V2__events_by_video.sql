-- The admin API's event trace lists a video's events across its aggregates: the Video (identifier = the video id),
-- and each viewer's Engagement (userId:videoId) and WatchProgress (userId:videoId:watch). Video ids contain no ':',
-- so the video id of a viewer's aggregate is the part after the last ':' that is not the watch suffix. This index
-- finds those events newest first without reading the whole store; the expression must stay identical to the one
-- in EventTrace, or PostgreSQL will not use it.
create index domain_event_entry_video_idx
    on domain_event_entry (substring(aggregate_identifier from ':([^:]+)(?::watch)?$'), global_index);
