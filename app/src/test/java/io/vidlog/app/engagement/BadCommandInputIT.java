package io.vidlog.app.engagement;

import io.vidlog.app.ApiClient;
import io.vidlog.app.Tokens;
import io.vidlog.app.VidlogIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad command input gets the documented 4xx as RFC 9457 problem+json, never a 500. */
@VidlogIntegrationTest
class BadCommandInputIT {

    @LocalServerPort
    int port;
    @Value("${vidlog.jwt.secret}")
    String secret;

    private ApiClient api;
    private Tokens tokens;
    private String viewer;
    private String creator;
    private String videoId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        tokens = new Tokens(secret);
        String run = UUID.randomUUID().toString().substring(0, 8);
        viewer = tokens.valid("viewer-" + run, "USER");
        creator = tokens.valid("creator-" + run, "USER", "CREATOR");
        videoId = api.createReadyVideo(creator, "Bad input " + run, 300);
    }

    @Test
    void malformedJsonIsABadRequest() {
        api.send("PUT", reaction(), viewer, "{\"type\": LIKE").assertProblem(400);
    }

    @Test
    void anUnknownReactionTypeIsABadRequestNamingTheAllowedValues() {
        ApiClient.Response response = api.send("PUT", reaction(), viewer, "{\"type\":\"LOVE\"}");
        response.assertProblem(400);
        assertThat(response.detail()).contains("LIKE");
    }

    @Test
    void aMissingReactionTypeIsABadRequest() {
        api.send("PUT", reaction(), viewer, "{}").assertProblem(400);
    }

    @Test
    void aNegativePositionIsABadRequest() {
        api.send("POST", "/api/v1/videos/" + videoId + "/progress", viewer,
                "{\"positionSeconds\":-5,\"sequence\":1}").assertProblem(400);
    }

    @Test
    void aPositionPastTheEndOfTheVideoIsABadRequest() {
        api.send("POST", "/api/v1/videos/" + videoId + "/progress", viewer,
                "{\"positionSeconds\":3600,\"sequence\":1}").assertProblem(400);
    }

    @Test
    void hugeStringsAreRejected() {
        String hugeTitle = "x".repeat(100_000);
        api.send("POST", "/api/v1/videos", creator,
                "{\"title\":\"" + hugeTitle + "\",\"videoType\":\"HORIZONTAL\"}").assertProblem(400);
        String hugeBody = "{\"title\":\"" + "y".repeat(2_000_000) + "\",\"videoType\":\"HORIZONTAL\"}";
        assertThat(api.send("POST", "/api/v1/videos", creator, hugeBody).status()).isIn(400, 413);
    }

    @Test
    void anUnknownVideoIsNotFound() {
        api.send("PUT", "/api/v1/videos/" + UUID.randomUUID() + "/reaction", viewer,
                "{\"type\":\"LIKE\"}").assertProblem(404);
        api.send("PATCH", "/api/v1/videos/" + UUID.randomUUID(), creator, "{\"title\":\"x\"}").assertProblem(404);
    }

    @Test
    void aVideoThatIsNotReadyIsAConflict() {
        String draft = api.send("POST", "/api/v1/videos", creator,
                "{\"title\":\"Draft\",\"videoType\":\"VERTICAL\"}").json().path("videoId").asText();
        api.send("PUT", "/api/v1/videos/" + draft + "/bookmark", viewer, null).assertProblem(409);
    }

    @Test
    void aDeletedVideoIsNotFound() {
        assertThat(api.send("DELETE", "/api/v1/videos/" + videoId, creator, null).status()).isEqualTo(204);
        api.send("PUT", reaction(), viewer, "{\"type\":\"LIKE\"}").assertProblem(404);
    }

    @Test
    void writesWithoutAValidTokenAreUnauthorized() {
        api.send("PUT", reaction(), null, "{\"type\":\"LIKE\"}").assertProblem(401);
        String tampered = viewer.substring(0, viewer.length() - 4) + "AAAA";
        api.send("PUT", reaction(), tampered, "{\"type\":\"LIKE\"}").assertProblem(401);
        String expired = tokens.expired("viewer-expired", "USER");
        api.send("PUT", reaction(), expired, "{\"type\":\"LIKE\"}").assertProblem(401);
        String forged = new Tokens("a-completely-different-secret-of-enough-length!").valid("intruder", "ADMIN");
        api.send("PUT", reaction(), forged, "{\"type\":\"LIKE\"}").assertProblem(401);
    }

    @Test
    void anotherUsersVideoCannotBeEditedOrDeleted() {
        String otherCreator = tokens.valid("other-creator", "USER", "CREATOR");
        api.send("PATCH", "/api/v1/videos/" + videoId, otherCreator, "{\"title\":\"Mine\"}").assertProblem(403);
        api.send("DELETE", "/api/v1/videos/" + videoId, otherCreator, null).assertProblem(403);
    }

    @Test
    void aViewerWithoutTheCreatorRoleCannotCreateVideos() {
        api.send("POST", "/api/v1/videos", viewer, "{\"title\":\"Nope\",\"videoType\":\"HORIZONTAL\"}").assertProblem(403);
    }

    private String reaction() {
        return "/api/v1/videos/" + videoId + "/reaction";
    }
}
