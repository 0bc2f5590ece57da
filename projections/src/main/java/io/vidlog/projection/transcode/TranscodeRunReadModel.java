package io.vidlog.projection.transcode;

import io.vidlog.api.query.PageRequest;
import io.vidlog.api.transcode.TranscodeRunDetail;
import io.vidlog.api.transcode.TranscodeRunList;
import io.vidlog.api.transcode.TranscodeRunStatus;
import io.vidlog.api.transcode.TranscodeRunSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads of the {@code transcode-steps} read model, for the admin API. */
@Component
public class TranscodeRunReadModel {

    private final JdbcTemplate jdbc;

    TranscodeRunReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs in {@code status} (all when {@code null}) whose video id starts with {@code videoIdPrefix} (all when null). */
    public TranscodeRunList list(TranscodeRunStatus status, String videoIdPrefix, PageRequest page) {
        String statusName = status == null ? null : status.name();
        String prefix = videoIdPrefix == null ? "" : videoIdPrefix.replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        String where = "where (cast(? as varchar) is null or status = ?) and video_id like ? || '%'";
        List<TranscodeRunSummary> items = jdbc.query("select * from transcode_run " + where
                        + " order by updated_at desc, video_id limit ? offset ?", (rs, n) -> summary(rs),
                statusName, statusName, prefix, page.size(), page.offset());
        long total = jdbc.queryForObject("select count(*) from transcode_run " + where, Long.class,
                statusName, statusName, prefix);
        return new TranscodeRunList(items, total);
    }

    public Optional<TranscodeRunDetail> detail(String videoId) {
        return jdbc.query("select * from transcode_run where video_id = ?", (rs, n) -> summary(rs), videoId).stream()
                .findFirst()
                .map(run -> new TranscodeRunDetail(run, jdbc.query(
                        "select * from transcode_step where video_id = ? order by sequence",
                        (rs, n) -> new TranscodeRunDetail.Step(rs.getString("step"),
                                (Integer) rs.getObject("attempt"), rs.getString("attempt_id"),
                                (Integer) rs.getObject("progress"), rs.getString("detail"),
                                instant(rs.getTimestamp("at")), instant(rs.getTimestamp("updated_at"))),
                        videoId)));
    }

    private static TranscodeRunSummary summary(ResultSet rs) throws SQLException {
        return new TranscodeRunSummary(rs.getString("video_id"), TranscodeRunStatus.valueOf(rs.getString("status")), rs.getInt("attempt"),
                rs.getInt("progress"), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("updated_at")),
                rs.getString("last_error"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
