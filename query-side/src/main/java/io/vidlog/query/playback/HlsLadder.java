package io.vidlog.query.playback;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a published video's HLS ladder lives in S3: {@code videos/{videoId}/hls/{ladderId}/}, the ladder id being the
 * transcode attempt that wrote it, with {@code master.m3u8} at its root.
 */
record HlsLadder(String videoId, String ladderId) {

    static final String MASTER_PLAYLIST = "master.m3u8";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern MANIFEST_KEY = Pattern.compile("videos/(" + ID + ")/hls/(" + ID + ")/"
            + Pattern.quote(MASTER_PLAYLIST));
    /** A file below the ladder: path segments of safe characters, none of them "." or "..". */
    private static final Pattern FILE = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){1,4}");

    static Optional<HlsLadder> ofManifestKey(String manifestKey) {
        Matcher matcher = MANIFEST_KEY.matcher(manifestKey == null ? "" : manifestKey);
        return matcher.matches() ? Optional.of(new HlsLadder(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    static boolean isValidId(String id) {
        return ID.matcher(id).matches();
    }

    /** The S3 key of {@code file} (e.g. {@code /720p/index.m3u8}), if it is a safe path below the ladder. */
    Optional<String> keyOf(String file) {
        return FILE.matcher(file).matches() ? Optional.of("videos/" + videoId + "/hls/" + ladderId + file)
                : Optional.empty();
    }
}
