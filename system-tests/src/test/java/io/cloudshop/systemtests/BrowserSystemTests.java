package io.cloudshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.devstack.Prometheus;
import io.cloudshop.devstack.Stack;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The suite's web pages as a person sees them: each opened in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs), rendered until its own content shows, screenshotted to
 * {@code target/screenshots}, and without an error in the browser's console (a failed script or resource, an uncaught
 * exception). Fetching a page with an HTTP client proves none of that: a Swagger UI whose bundle 404s still answers
 * its HTML with 200.
 *
 * <p>Without a Chromium and its driver the class is skipped (and says so), unless {@code CLOUDSHOP_REQUIRE_TOOLS=true},
 * as CI sets, makes it fail.
 */
@ExtendWith(Devstack.class)
@Order(5)
class BrowserSystemTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

    /**
     * Debian's prometheus 2.42 ships popper.js as an ES module, which the classic UI it serves loads as a plain script:
     * the script fails to parse and Bootstrap then complains that Popper is missing. A packaging defect of the binary
     * the devstack runs, not of this suite; these two errors, from Debian's /classic/static files only, are tolerated
     * on Prometheus' page. Any other error there still fails.
     */
    static final List<Pattern> DEBIAN_PROMETHEUS_UI = List.of(
            Pattern.compile("^\\S+/classic/static/popper\\.js/popper\\.min\\.js\\S* .*Unexpected token 'export'$"),
            Pattern.compile(
                    "^\\S+/classic/static/jquery/jquery\\.min\\.js\\S* .*Bootstrap's tooltips require Popper.*"));

    /**
     * Springwolf's UI loads its fonts (text and icons) from Google Fonts. This machine has no internet, so those
     * requests fail to resolve; with internet they load, and without, the UI shows icon names instead of icons. Only
     * that failure, for fonts.gstatic.com and fonts.googleapis.com, is tolerated on the catalogue's page.
     */
    static final List<Pattern> OFFLINE_FONTS = List.of(Pattern.compile(
            "^https://fonts\\.(gstatic|googleapis)\\.com/\\S+ - Failed to load resource: net::ERR_NAME_NOT_RESOLVED$"));

    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = onPath("chromedriver");
        if ((chromium.isEmpty() || driver.isEmpty())
                && Boolean.parseBoolean(System.getenv("CLOUDSHOP_REQUIRE_TOOLS"))) {
            throw new AssertionError("chromium and chromedriver are required (CLOUDSHOP_REQUIRE_TOOLS=true) but not on"
                    + " the PATH: apt-get install --no-install-recommends chromium chromium-driver");
        }
        Assumptions.assumeTrue(
                chromium.isPresent() && driver.isPresent(),
                "chromium or chromedriver not installed (Debian packages chromium, chromium-driver)");
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.get().toFile())
                // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void swaggerUiShowsEveryServicesApi() throws Exception {
        open("swagger-ui", Api.gateway("/swagger-ui.html"), By.cssSelector(".swagger-ui .information-container"));

        assertThat(browser.findElement(By.cssSelector(".swagger-ui .title")).getText())
                .isNotBlank();
        assertThat(browser.findElements(By.cssSelector(".opblock")))
                .as("operations listed")
                .isNotEmpty();
    }

    @Test
    void theEventCatalogueShowsTheSagasEvents() throws Exception {
        open(
                "event-catalogue",
                Api.gateway("/springwolf/asyncapi-ui.html"),
                By.xpath("//*[contains(text(), 'orders.events')]"),
                OFFLINE_FONTS);

        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("order-service", "orders.events", "inventory.events", "payments.events", "OrderPlaced");
    }

    @Test
    void eurekasDashboardListsTheRegisteredServices() throws Exception {
        String credentials = Stack.EUREKA_USERNAME + ":" + Devstack.secrets().getProperty("eureka.password");
        open(
                "eureka",
                "http://" + credentials + "@localhost:" + Devstack.settings().eurekaPort() + "/",
                By.xpath("//*[contains(text(), 'Instances currently registered')]"));

        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("ORDER-SERVICE", "PAYMENT-SERVICE", "PRODUCT-SERVICE", "USER-SERVICE", "GATEWAY");
    }

    @Test
    void zipkinShowsItsSearch() throws Exception {
        open(
                "zipkin",
                "http://localhost:" + Devstack.settings().zipkinPort() + "/zipkin/",
                By.cssSelector("[data-testid='search-button'], button"));

        assertThat(browser.getTitle()).containsIgnoringCase("zipkin");
    }

    @Test
    void prometheusShowsItsTargetsUp() throws Exception {
        // Earlier classes have placed orders; the targets page lists the scrape job and no target down.
        Assumptions.assumeTrue(Devstack.settings().prometheus() != null, "the devstack runs no Prometheus here");
        open(
                "prometheus",
                Prometheus.page(Devstack.settings(), "targets"),
                By.xpath("//*[contains(text(), 'cloudshop')]"),
                DEBIAN_PROMETHEUS_UI);

        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("cloudshop")
                .doesNotContain("DOWN");
    }

    /**
     * Opens {@code url}, waits up to 30 s until {@code rendered} shows, saves a screenshot, and fails on any error in
     * the browser's console (a failed resource, a script error, an uncaught exception).
     */
    private static void open(String page, String url, By rendered) throws Exception {
        open(page, url, rendered, List.of());
    }

    /** As {@link #open(String, String, By)}, tolerating console errors that match one of {@code tolerated}. */
    private static void open(String page, String url, By rendered, List<Pattern> tolerated) throws Exception {
        browser.manage().logs().get(LogType.BROWSER); // drops what earlier pages logged
        browser.get(url);
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(driver -> !driver.findElements(rendered).isEmpty()
                            && driver.findElements(rendered).getFirst().isDisplayed());
        } finally {
            File screenshot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(screenshot.toPath(), SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> tolerated.stream()
                        .noneMatch(known -> known.matcher(message).matches()))
                .toList();
        assertThat(errors)
                .as("console errors on " + page + " (" + SCREENSHOTS.resolve(page + ".png") + ")")
                .isEmpty();
    }

    private static Optional<Path> onPath(String... names) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .flatMap(directory -> Stream.of(names).map(name -> Path.of(directory, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
