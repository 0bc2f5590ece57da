package io.vidlog.query.video;

import io.vidlog.api.video.FetchVideoQuery;
import io.vidlog.api.video.VideoView;
import io.vidlog.query.web.Viewer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/videos")
class VideoQueryController {

    private final QueryGateway queries;

    VideoQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{videoId}")
    VideoView video(@PathVariable String videoId, Viewer viewer) {
        return queries.query(new FetchVideoQuery(videoId, viewer.userId(), viewer.admin()),
                        ResponseTypes.optionalInstanceOf(VideoView.class)).join()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No video " + videoId));
    }
}
