package io.vidlog.app.dashboard;

import io.vidlog.app.ApiClient;
import io.vidlog.app.Tokens;
import io.vidlog.app.VidlogIntegrationTest;
import io.vidlog.app.transcode.Clips;
import io.vidlog.app.transcode.Sagas;
import io.vidlog.app.transcode.Uploads;
import io.vidlog.projection.ProcessingGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' dashboard in Debian's headless Chromium against the whole application on the real stack: sign-in,
 * a failed transcode retried, a replay followed to the end, the event trace, a phone-sized screen. Each page is
 * saved as a screenshot under target/dashboard-screenshots/ (the ones in docs/screenshots/ come from these).
 */
@VidlogIntegrationTest
class DashboardIT {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Value("${vidlog.jwt.secret}")
    String secret;
    @Value("${vidlog.ffmpeg.path}")
    String ffmpeg;
    @Value("${vidlog.ffprobe.path}")
    String ffprobe;
    @Value("${vidlog.s3.bucket}")
    String bucket;
    @Autowired
    S3Client s3;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    private ApiClient api;
    private String admin;
    private String creator;
    private String viewer;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        Tokens tokens = new Tokens(secret);
        String run = UUID.randomUUID().toString().substring(0, 8);
        admin = tokens.valid("operator-" + run, "USER", "ADMIN");
        creator = tokens.valid("creator-" + run, "USER", "CREATOR");
        viewer = tokens.valid("viewer-" + run, "USER");
        if (browser == null) {
            browser = Browser.open(port);
        }
        browser.signOut();
        browser.resize(Browser.LAPTOP);
    }

    @Test
    void anAnonymousVisitorIsAskedToSignInAndComesBackToThePageAsked() {
        browser.go("/dashboard/projections");

        assertThat(browser.path()).isEqualTo("/dashboard/sign-in?next=%2Fdashboard%2Fprojections");
        browser.await("#dev-sign-in");
        browser.screenshot("sign-in");
        browser.find("#dev-sign-in").click();

        browser.until(Duration.ofSeconds(15), page -> page.path().equals("/dashboard/projections"));
        assertThat(browser.text("#who")).startsWith("dashboard-admin · ADMIN");
        assertThat(browser.await("[data-projection=rankings]").isDisplayed()).isTrue();
    }

    @Test
    void aSignedInUserWithoutTheAdminRoleGetsAForbiddenPage() {
        browser.signIn(viewer);

        assertThat(browser.text("h1")).isEqualTo("403 · Not allowed");
        assertThat(browser.text("#who")).contains("viewer-").contains("roles USER");
        browser.screenshot("forbidden");

        browser.find("#switch").click();
        browser.until(Duration.ofSeconds(10), page -> page.path().startsWith("/dashboard/sign-in"));
    }

    @Test
    void anAdminSeesAFailedSagaWithItsReasonRetriesItAndFollowsTheNewAttempt() {
        Clips clips = new Clips(ffmpeg, ffprobe, dir);
        String video = new Uploads(api).upload(creator, "Shopping list", "HORIZONTAL",
                clips.textFile("shopping-list"), "video/mp4");
        new Sagas(api, creator, admin, jdbc).awaitStatus(video, "FAILED");
        browser.signIn(admin);

        browser.go("/dashboard/sagas?status=failed");
        browser.await("#saga-search").sendKeys(video.substring(0, 13));
        String row = "#saga-list tr[data-video='" + video + "']";
        String found = browser.until(Duration.ofSeconds(15), page -> page.findAll("#saga-list tr[data-video]")
                .size() == 1 ? page.findAll(row).stream().map(WebElement::getText).findFirst().orElse(null) : null);
        assertThat(found).contains("FAILED").contains("not a video");
        browser.screenshot("sagas");

        browser.find(row + " a").click();
        browser.until(Duration.ofSeconds(10), page -> page.path().equals("/dashboard/sagas/" + video));
        assertThat(browser.text("#saga-status")).isEqualTo("FAILED");
        assertThat(browser.text("#saga-error")).isEqualTo("Last error: not a video");
        assertThat(steps("1")).containsExactly("UPLOADED", "REQUESTED", "FAILED", "GAVE_UP");
        assertThat(browser.text("[data-run='1'] li[data-step=FAILED]"))
                .contains("Attempt 1 failed").contains("not a video");

        // The creator's real clip replaces the text file in S3; the new run transcodes it.
        Path clip = clips.clip("the-real-one", 1280, 720, 20, true);
        s3.putObject(put -> put.bucket(bucket).key("videos/" + video + "/source"), RequestBody.fromFile(clip));
        browser.find("#retry").click();
        browser.await("dialog [data-confirm]").click();

        // The page polls; every value its progress bar of the new attempt shows is noted until the run completes.
        Set<Integer> progressShown = new TreeSet<>();
        browser.until(Sagas.TRANSCODE_TIME, page -> {
            // Status first: the bars read after it come from the same render or a later one, never an earlier one.
            boolean completed = page.find("#saga-status").getText().equals("COMPLETED");
            page.findAll("[data-run='2'] li[data-step=REQUESTED] progress").forEach(bar -> {
                int percent = Integer.parseInt(bar.getAttribute("value"));
                if (percent > 0 && percent < 100 && progressShown.stream().noneMatch(p -> p > 0 && p < 100)) {
                    page.screenshot("saga-detail");
                }
                progressShown.add(percent);
            });
            return completed;
        });
        assertThat(steps("2")).containsExactly("RETRANSCODE_REQUESTED", "REQUESTED", "SUCCEEDED", "PUBLISHED");
        assertThat(progressShown).as("the new attempt's progress as the page showed it")
                .contains(100).anyMatch(percent -> percent < 100);
        browser.screenshot("saga-retried");
    }

    @Test
    void aReplayStartedFromTheDashboardRunsToOneHundredPercentAndItsReadModelHasNoDrift() {
        browser.signIn(admin);
        browser.go("/dashboard/projections");
        String card = "[data-projection=" + ProcessingGroups.VIDEO_METADATA + "] ";

        browser.await(card + "[data-action=replay]").click();
        browser.await("dialog [data-confirm]").click();

        // A replay of a small store is over within a poll or two; a longer one is caught on the way too.
        boolean[] caughtRunning = {false};
        browser.until(Duration.ofMinutes(2), page -> {
            String replay = page.find(card).getAttribute("data-replay");
            if ("running".equals(replay) && !caughtRunning[0]) {
                caughtRunning[0] = true;
                page.screenshot("projections-replaying");
            }
            return "complete".equals(replay);
        });
        assertThat(browser.attribute(card + "progress", "value")).isEqualTo("100");
        assertThat(browser.text(card + ".note")).startsWith("Replay complete");
        assertThat(browser.text(card + ".badge")).isEqualTo("RUNNING");

        browser.find(card + "[data-action=drift]").click();
        String drift = browser.until(Duration.ofMinutes(1), page -> page.findAll(card + "[data-drift]").stream()
                .map(WebElement::getText).findFirst().orElse(null));
        assertThat(drift).startsWith("No drift");
        assertThat(browser.find("[data-projection=" + ProcessingGroups.TRANSCODE_STEPS + "] [data-action=drift]")
                .isDisplayed()).as("a group without a drift check offers none").isFalse();
        browser.screenshot("projections-replay");
    }

    @Test
    void theEventTraceShowsWhenEachProjectionAppliedAVideosEvents() {
        String video = api.createReadyVideo(creator, "Traced in the browser", 90);
        assertThat(api.send("PUT", "/api/v1/videos/" + video + "/reaction", viewer, "{\"type\":\"SUPERLIKE\"}")
                .status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/v1/videos/" + video + "/bookmark", viewer, null).status()).isEqualTo(204);
        browser.signIn(admin);

        browser.go("/dashboard/events");
        browser.await("#trace-video").sendKeys(video);
        browser.find("form button[type=submit]").click();

        String bookmarked = "#trace tr[data-type=VideoBookmarkedEvent] ";
        browser.until(Duration.ofSeconds(30), page -> !page.findAll(bookmarked + "[data-status]").isEmpty()
                && page.findAll(bookmarked + "[data-status=pending]").isEmpty());
        assertThat(browser.path()).isEqualTo("/dashboard/events?videoId=" + video + "&limit=50");
        List<String> types = browser.until(Duration.ofSeconds(10), page -> page.findAll("#trace tr[data-type]")
                .stream().map(row -> row.getAttribute("data-type")).toList());
        assertThat(types)
                .containsExactly("VideoBookmarkedEvent", "VideoReactionChangedEvent", "VideoPublishedEvent",
                        "VideoCreatedEvent");
        for (String group : List.of(ProcessingGroups.VIDEO_METADATA, ProcessingGroups.RANKINGS,
                ProcessingGroups.TASTE_SCORES)) {
            String applied = bookmarked + "[data-projection=" + group + "]";
            assertThat(browser.attribute(applied, "data-status")).as(group).isEqualTo("applied");
            assertThat(browser.text(applied)).as("time applied, then delay: %s", group)
                    .matches("(?s)\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\s+\\+\\d+(\\.\\d)? m?s");
        }
        assertThat(browser.attribute(bookmarked + "[data-projection=transcode-steps]", "data-status"))
                .isEqualTo("skipped");
        browser.screenshot("event-trace");
    }

    @Test
    void thePagesFitAPhoneScreen() {
        browser.signIn(admin);
        browser.resize(Browser.PHONE);

        for (String page : List.of("/dashboard", "/dashboard/sagas", "/dashboard/projections", "/dashboard/events")) {
            browser.go(page);
            browser.until(Duration.ofSeconds(15), b -> b.find("#live").getText().startsWith("Live"));
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("%s needs no sideways scrolling", page).isEqualTo(true);
        }
        browser.go("/dashboard/sagas");
        browser.await("#saga-list .table-wrap");
        browser.screenshot("sagas-phone");
    }

    private static List<String> steps(String run) {
        return browser.until(Duration.ofSeconds(10), page -> page.findAll("[data-run='" + run + "'] li[data-step]")
                .stream().map(step -> step.getAttribute("data-step")).toList());
    }
}
