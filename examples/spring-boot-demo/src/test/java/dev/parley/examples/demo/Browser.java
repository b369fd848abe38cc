package dev.parley.examples.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through Debian's chromedriver, both given by path so that Selenium Manager never runs
 * and nothing is downloaded. Each browser has its own profile and config/cache folders under a temp directory.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("parley.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("parley.test.chromedriver", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final WebDriverWait wait;

    private final String name;
    /** Where elements are looked up: the page, or a shadow root in it. */
    private final java.util.function.Function<org.openqa.selenium.WebDriver, SearchContext> scope;

    private Browser(ChromeDriver driver, String name) {
        this(driver, name, d -> d);
    }

    private Browser(ChromeDriver driver, String name,
            java.util.function.Function<org.openqa.selenium.WebDriver, SearchContext> scope) {
        this.driver = driver;
        this.name = name;
        this.scope = scope;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /**
     * The same browser, looking up elements (CSS selectors only) inside the open shadow root of the element that
     * {@code host} finds, once it is there; closing it closes nothing.
     */
    Browser inShadowOf(By host) {
        return new Browser(driver, name, d -> {
            List<WebElement> hosts = d.findElements(host);
            if (hosts.isEmpty()) {
                throw new NoSuchElementException("no shadow host " + host);
            }
            return hosts.get(0).getShadowRoot();
        });
    }

    private SearchContext scope(org.openqa.selenium.WebDriver d) {
        return scope.apply(d);
    }

    /** Waits for the condition; on timeout saves a screenshot and names it in the error. */
    private <V> V await(java.util.function.Function<? super org.openqa.selenium.WebDriver, V> condition) {
        try {
            return wait.until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = screenshot("failed-" + name + "-" + System.currentTimeMillis());
            throw new AssertionError("timed out: " + e.getMessage().lines().findFirst().orElse("")
                    + "\nscreenshot: " + shot + "\nurl: " + driver.getCurrentUrl(), e);
        }
    }

    /** Starts a fresh headless browser whose files live under {@code home}. */
    static Browser start(Path home) {
        for (String file : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(Path.of(file))) {
                throw new IllegalStateException("The browser tests need Chromium and its driver, and " + file
                        + " is missing. On Debian/Ubuntu: apt-get install chromium chromium-driver (.ci/run does"
                        + " it); elsewhere pass -Dparley.test.chromium=<browser> -Dparley.test.chromedriver=<driver>");
            }
        }
        try {
            Path profile = Files.createDirectories(home.resolve("profile"));
            Path config = Files.createDirectories(home.resolve("config"));
            Path cache = Files.createDirectories(home.resolve("cache"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .withEnvironment(Map.of("XDG_CONFIG_HOME", config.toString(), "XDG_CACHE_HOME", cache.toString()))
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--window-size=1440,900", "--lang=en-GB");
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1440, 900));
            return new Browser(driver, home.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(By by) {
        return await(d -> {
            try {
                return scope(d).findElement(by);
            } catch (NoSuchElementException e) {
                return null;
            }
        });
    }

    WebElement visible(By by) {
        return await(d -> {
            try {
                WebElement e = scope(d).findElement(by);
                return e.isDisplayed() ? e : null;
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                return null;
            }
        });
    }

    List<WebElement> all(By by) {
        try {
            return scope(driver).findElements(by);
        } catch (NoSuchElementException e) {
            return List.of();
        }
    }

    /** Clicks the element, retrying while the page re-renders it. */
    void click(By by) {
        await(d -> {
            try {
                WebElement e = scope(d).findElement(by);
                if (!e.isDisplayed() || !e.isEnabled()) {
                    return false;
                }
                e.click();
                return true;
            } catch (StaleElementReferenceException | NoSuchElementException
                    | org.openqa.selenium.ElementClickInterceptedException e) {
                return false;
            }
        });
    }

    /** Types into the element, retrying while the page re-renders it. */
    void type(By by, CharSequence... keys) {
        await(d -> {
            try {
                WebElement e = scope(d).findElement(by);
                if (!e.isDisplayed()) {
                    return false;
                }
                e.sendKeys(keys);
                return true;
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                return false;
            }
        });
    }

    /** Waits until an element matching {@code by} shows the text (a substring), and returns it. */
    WebElement waitForText(By by, String text) {
        return await(d -> {
            for (WebElement e : all(by)) {
                try {
                    if (e.getText().contains(text)) {
                        return e;
                    }
                } catch (StaleElementReferenceException stale) {
                    // re-rendered: look again
                }
            }
            return null;
        });
    }

    void waitUntilHidden(By by) {
        await(d -> {
            try {
                return all(by).stream().noneMatch(WebElement::isDisplayed);
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    <T> T until(java.util.function.Function<ChromeDriver, T> condition) {
        return await(d -> condition.apply(driver));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png} and returns its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
