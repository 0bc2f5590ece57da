package io.vidlog.app.dashboard;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver with a fresh profile, as an operator's browser
 * for the dashboard's tests. Nothing is downloaded: Selenium is given both executables. Screenshots go to
 * {@code target/dashboard-screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension LAPTOP = new Dimension(1366, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** Fails, rather than skips, when Chromium is not installed: these tests are part of the suite. */
    static Browser open(int port) {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertThat(Files.isExecutable(executable))
                    .as("%s is missing. The dashboard's browser tests need Debian's chromium and chromium-driver "
                            + "packages: run ./vidlog test (or ./vidlog setup), which installs them", executable)
                    .isTrue();
        }
        Path profile = Path.of("target", "chromium-profiles", UUID.randomUUID().toString()).toAbsolutePath();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--user-data-dir=" + profile,
                        "--window-size=" + LAPTOP.getWidth() + "," + LAPTOP.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile, "http://127.0.0.1:" + port);
    }

    void go(String path) {
        driver.get(baseUrl + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The first element matching {@code css} once it is there and shown. */
    WebElement await(String css) {
        return until(Duration.ofSeconds(15), browser -> browser.findAll(css).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
    }

    /**
     * Waits until {@code condition} answers something other than null or false, and answers that. The pages redraw
     * what their polls changed, so an element found a moment ago may be gone: the condition is then asked again.
     */
    <T> T until(Duration timeout, Function<Browser, T> condition) {
        ExpectedCondition<T> expected = ignored -> condition.apply(this);
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).until(expected);
    }

    /** The text of the first element matching {@code css} once it has some, even if the page redraws it meanwhile. */
    String text(String css) {
        return until(Duration.ofSeconds(15), browser -> {
            String text = browser.await(css).getText();
            return text.isEmpty() ? null : text;
        });
    }

    String attribute(String css, String name) {
        return until(Duration.ofSeconds(15), browser -> browser.await(css).getAttribute(name));
    }

    /** Signs in on the sign-in page with a pasted token, as an operator would. */
    void signIn(String token) {
        go("/dashboard/sign-in");
        await("#token").sendKeys(token);
        find("#token-form button[type=submit]").click();
        until(Duration.ofSeconds(10), browser -> !browser.path().startsWith("/dashboard/sign-in"));
    }

    Object script(String javaScript) {
        return ((JavascriptExecutor) driver).executeScript(javaScript);
    }

    void signOut() {
        driver.manage().deleteAllCookies();
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /**
     * Saves the whole page, not only the window: the window is made as tall as the page for the shot, then put back.
     */
    Path screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long height = (Long) script("return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(window.getWidth(),
                (int) Math.max(window.getHeight(), height + window.getHeight() - innerHeight())));
        try {
            Files.createDirectories(SCREENSHOTS);
            return Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    private long innerHeight() {
        return (Long) script("return window.innerHeight");
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
