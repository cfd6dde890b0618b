package fr.aam.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page of prebuilt queries, in a real headless Chromium (Debian's chromium and chromium-driver, which
 * .ci/run installs): a person picks a query, chooses a parameter from the list, runs it and reads the table.
 */
class WebPageBrowserTest extends RunningServer {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static ChromeDriver browser;

    @BeforeAll
    static void startBrowser(@TempDir Path profile) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) assertThat(installed).as("chromium and chromium-driver installed by .ci/run").isTrue();
        Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() { if (browser != null) browser.quit(); }

    @Test
    void aPersonRunsAPrebuiltQueryAndReadsTheTable() {
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-id='initiatives-of-actor']")));
        assertThat(browser.findElements(By.cssSelector("#queries button"))).hasSizeGreaterThanOrEqualTo(15);
        button.click();

        WebElement select = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#params select[name='actor']")));
        new Select(select).selectByVisibleText("Le Centre");
        browser.findElement(By.cssSelector("#params button[type='submit']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "3 résultat"));
        List<String> cells = browser.findElements(By.cssSelector("#result td")).stream().map(WebElement::getText).toList();
        assertThat(cells).contains("Rallye des métiers de l'autonomie", "Parcours d'intégration", "Les réunions d'information collective");
        // the actor's IRI links to its resource page on this server
        browser.findElements(By.linkText("id/actor/le-centre")).get(0).click();
        wait.until(ExpectedConditions.titleIs("Le Centre"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Rallye des métiers de l'autonomie");
    }

    @Test
    void aBadSparqlQueryShowsTheParsersMessage() {
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement area = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sparql")));
        area.clear();
        area.sendKeys("SELECT * WHERE { ?s ?p ");
        browser.findElement(By.cssSelector("#sparql-form button")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sparql-result .error")));
        assertThat(error.getText()).containsIgnoringCase("line 1");
    }
}
