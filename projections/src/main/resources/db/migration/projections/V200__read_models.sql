-- The read models of the projections (versions 200-299 belong to projections). Every table is owned by one
-- processing group, written in the transaction that also advances that group's token (so each event is applied
-- exactly once), and emptied by the group's reset handler before a replay.

-- video-metadata: one row per video, with its engagement counts.
create table video_metadata (
    video_id         varchar(64)  not null primary key,
    owner_id         varchar(128) not null,
    title            varchar(200) not null,
    description      text         not null,
    tags             text[]       not null,
    video_type       varchar(16)  not null,
    status           varchar(16)  not null,
    duration_seconds integer      not null default 0,
    created_at       timestamptz  not null,
    published_at     timestamptz,
    likes            bigint       not null default 0,
    dislikes         bigint       not null default 0,
    superlikes       bigint       not null default 0,
    bookmarks        bigint       not null default 0,
    views            bigint       not null default 0,
    completions      bigint       not null default 0,
    watched_seconds  bigint       not null default 0,
    constraint video_metadata_counts_not_negative check (
        likes >= 0 and dislikes >= 0 and superlikes >= 0 and bookmarks >= 0 and views >= 0 and completions >= 0
        and watched_seconds >= 0)
);

-- video-metadata: a viewer's current reaction (no row: none).
create table video_reaction (
    user_id  varchar(128) not null,
    video_id varchar(64)  not null,
    reaction varchar(16)  not null,
    primary key (user_id, video_id)
);

-- video-metadata: a viewer's bookmarks (no row: not bookmarked).
create table video_bookmark (
    user_id       varchar(128) not null,
    video_id      varchar(64)  not null,
    bookmarked_at timestamptz  not null,
    primary key (user_id, video_id)
);
create index video_bookmark_by_user on video_bookmark (user_id, bookmarked_at desc, video_id);

-- video-metadata: a viewer's latest viewing of each video.
create table watch_history (
    user_id          varchar(128) not null,
    video_id         varchar(64)  not null,
    session          bigint       not null,
    position_seconds integer      not null,
    completed        boolean      not null,
    watched_at       timestamptz  not null,
    primary key (user_id, video_id)
);
create index watch_history_by_user on watch_history (user_id, watched_at desc, video_id);

-- rankings: what the Redis rankings are derived from; Redis holds a copy that is rebuilt from here when lost.
create table ranking_video (
    video_id        varchar(64) not null primary key,
    ready           boolean     not null,
    likes           bigint      not null default 0,
    dislikes        bigint      not null default 0,
    superlikes      bigint      not null default 0,
    bookmarks       bigint      not null default 0,
    views           bigint      not null default 0,
    completions     bigint      not null default 0,
    watched_seconds bigint      not null default 0
);

-- taste-scores: each video's tags, as the events that follow are attributed to them.
create table taste_video_tags (
    video_id varchar(64) not null primary key,
    tags     text[]      not null
);

-- taste-scores: per user and tag, how often each kind of engagement happened (integers, so a replay reproduces
-- them exactly); the score is computed from them with the configured weights, so changing a weight needs no replay.
create table taste_score (
    user_id         varchar(128) not null,
    tag             varchar(64)  not null,
    likes           bigint       not null default 0,
    superlikes      bigint       not null default 0,
    dislikes        bigint       not null default 0,
    bookmarks       bigint       not null default 0,
    completions     bigint       not null default 0,
    watched_seconds bigint       not null default 0,
    primary key (user_id, tag)
);
