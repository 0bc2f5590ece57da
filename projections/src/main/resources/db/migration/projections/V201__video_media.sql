-- video-metadata: where a published video's media is (absent for videos without media, e.g. local demo videos).
alter table video_metadata
    add column manifest_key varchar(512),
    add column poster_key   varchar(512);
