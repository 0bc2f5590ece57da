package io.vidlog.api.video;

/** How a video is framed: landscape (16:9 and similar) or portrait (shorts, 9:16). */
public enum VideoType {
    HORIZONTAL,
    VERTICAL
}
