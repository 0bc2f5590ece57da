-- transcode-steps: the transcoding saga as operators see it. One row per video that went through transcoding (its
-- latest run), and the timeline of every run's steps. Rows are keyed by the event's sequence in the video's stream, so
-- an event applied twice writes nothing new.
create table transcode_run (
    video_id   varchar(64) not null primary key,
    status     varchar(16) not null,
    attempt    integer     not null,
    progress   integer     not null default 0,
    started_at timestamptz not null,
    updated_at timestamptz not null,
    last_error text
);

create index transcode_run_status_updated_idx on transcode_run (status, updated_at desc);

create table transcode_step (
    video_id   varchar(64) not null,
    sequence   bigint      not null,
    step       varchar(24) not null,
    attempt    integer,
    attempt_id varchar(64),
    progress   integer,
    detail     text,
    at         timestamptz not null,
    updated_at timestamptz not null,
    primary key (video_id, sequence)
);
