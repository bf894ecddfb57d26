package de.handinhand.deploy;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's chromium and chromium-driver) for the web pages' tests, headless and
 * with a fresh profile; with JavaScript on or off. Every page a test looks at can be checked with
 * axe-core against the WCAG 2.1 A and AA rules.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Duration WAIT = Duration.ofSeconds(30);

    /** Pages checked with axe and the violations found on each, for the run's summary. */
    static final Map<String, Integer> AXE = new LinkedHashMap<>();

    /** The browsers open now, and what the ones closed since the test began showed last. */
    static final List<Browser> OPEN = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final List<String> LAST_SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    final WebDriver driver;
    private final Path profile;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static String missing() {
        return "No browser for the web pages' tests: " + CHROMIUM + " and " + CHROMEDRIVER
                + " are needed (Debian: apt-get install chromium chromium-driver); skipped";
    }

    Browser(boolean javascript) throws IOException {
        profile = Files.createTempDirectory("handinhand-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine has no network: without these Chromium waits on lookups of its own services.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1024", "--lang=de-DE");
        // Chromium's own language decides Accept-Language; the pages start in German like a browser here would.
        Map<String, Object> prefs = new LinkedHashMap<>();
        prefs.put("intl.accept_languages", "de-DE,de");
        if (!javascript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        OPEN.add(this);
    }

    /** Where this browser is and what it shows (for a failing test's report). */
    String describe() {
        try {
            // The whole page too, for a closer look: target/web-pages/<n>.html.
            Path pages = Files.createDirectories(Path.of("target", "web-pages"));
            Path page = pages.resolve(System.nanoTime() + ".html");
            Files.writeString(page, driver.getPageSource());
            return driver.getCurrentUrl() + " (source: " + page.toAbsolutePath() + ")\n"
                    + driver.findElement(By.tagName("body")).getText();
        } catch (IOException e) {
            return "(page not saved: " + e.getMessage() + ")";
        } catch (RuntimeException e) {
            return "(page not readable: " + e.getMessage() + ")";
        }
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    void click(String css) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Waits until the page shows {@code text} somewhere in {@code css}. */
    void awaitText(String css, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css),
                text));
    }

    void awaitUrl(String part) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains(part));
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String source() {
        return driver.getPageSource();
    }

    /** Reloads the page until {@code css} shows {@code text} (for what arrives through Kafka). */
    void reloadUntil(String url, String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1)).until(d -> {
            d.get(url);
            return d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text));
        });
    }

    /** The element among {@code css} whose text contains {@code text}. */
    WebElement containing(String css, String text) {
        return new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.getText().contains(text)).findFirst().orElse(null));
    }

    /** The browser's cookies for this site, to fetch a download the way the browser would. */
    Map<String, String> cookies() {
        Map<String, String> cookies = new LinkedHashMap<>();
        driver.manage().getCookies().forEach(c -> cookies.put(c.getName(), c.getValue()));
        return cookies;
    }

    /** Keycloak's browser login: from a page that needs it, through Keycloak's form, and back. */
    void signIn(String webUrl, String user) {
        open(webUrl + "/start");
        find("#username");
        type("#username", user);
        type("#password", "demo");
        click("#kc-login");
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().startsWith(webUrl));
    }

    /** axe-core on the page as it is now: WCAG 2.1 A and AA; returns the violations, described. */
    List<String> axeViolations(String name) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        List<Rule> violations = results.getViolations();
        AXE.put(name, violations.size());
        return violations.stream().map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .toList();
    }

    @Override
    public void close() {
        OPEN.remove(this);
        LAST_SEEN.add(describe());
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // A temporary profile left behind is harmless.
            }
        }
    }
}
