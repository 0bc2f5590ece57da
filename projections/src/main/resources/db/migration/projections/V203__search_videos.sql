-- search: what the Elasticsearch index is derived from. Written in the transaction of the search group's token (each
-- event applied exactly once); Elasticsearch holds documents built from these rows, rewritten after each commit and
-- rebuilt from here when the index is lost or its mapping changes (docs/architecture.md, "Search").
create table search_video (
    video_id        varchar(64)  not null primary key,
    owner_id        varchar(128) not null,
    title           varchar(200) not null,
    description     text         not null,
    tags            text[]       not null,
    video_type      varchar(16)  not null,
    ready           boolean      not null default false,
    deleted         boolean      not null default false,
    published_at    timestamptz,
    likes           bigint       not null default 0,
    dislikes        bigint       not null default 0,
    superlikes      bigint       not null default 0,
    bookmarks       bigint       not null default 0,
    views           bigint       not null default 0,
    completions     bigint       not null default 0,
    watched_seconds bigint       not null default 0
);
