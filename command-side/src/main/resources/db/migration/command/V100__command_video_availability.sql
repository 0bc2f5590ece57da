-- The command side's lookup of each video's status and duration (versions 100-199 belong to command-side).
-- Written in the same transaction as the Video aggregate's events; see VideoAvailabilityUpdater.
create table command_video_availability (
    video_id         varchar(64) not null primary key,
    status           varchar(16) not null,
    duration_seconds integer     not null default 0
);
