package io.vidlog.api.engagement;

import io.vidlog.api.video.VideoEvent;

/** An event of one viewer on one video: an engagement or a watch report. */
public interface ViewerEvent extends VideoEvent {

    String userId();
}
