package io.transferas2.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromium-driver, both found at their package paths (or
 * {@code -Dchromium.binary} / {@code -Dchromium.driver}); Selenium downloads nothing. Each browser gets a fresh
 * profile directory and no background networking.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("chromium.driver", "/usr/bin/chromedriver");

    final WebDriver driver;
    private final String base;

    /**
     * Fails (never skips) when chromium or its driver is missing, so that CI cannot pass without running the browser;
     * only an explicit {@code -Dconsole.browser.skip=true} skips, for a local machine without them.
     */
    static void requireChromium() {
        Assumptions.assumeFalse(Boolean.getBoolean("console.browser.skip"),
                "console browser tests skipped on request (-Dconsole.browser.skip=true)");
        if (!Files.isExecutable(Path.of(BINARY)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException("the console browser tests need Debian's chromium and chromium-driver ("
                    + BINARY + ", " + DRIVER + "): apt-get install chromium chromium-driver (.ci/run does), or skip"
                    + " them locally with -Dconsole.browser.skip=true");
        }
    }

    ConsoleBrowser(String base, Path profileDir) throws IOException {
        requireChromium();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createDirectories(profileDir));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(DRIVER).toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        this.base = base;
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void login(String user, String password) {
        open("/console/login");
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        find("#login").click();
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Saves a screenshot as {@code <dir>/<name>.png} when {@code -Dconsole.screenshots=<dir>} is set. */
    void screenshot(String name) throws IOException {
        String dir = System.getProperty("console.screenshots");
        if (dir != null && !dir.isBlank()) {
            Path target = Files.createDirectories(Path.of(dir)).resolve(name + ".png");
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
