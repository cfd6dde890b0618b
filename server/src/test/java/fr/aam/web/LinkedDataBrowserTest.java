package fr.aam.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The linked-data pages in Debian's Chromium, as a person reads them: a resource page, a class index, the ontology
 * and the search results fit a phone's screen, pass an axe-core scan (no serious or critical WCAG 2.1 AA violation)
 * and run under the Content-Security-Policy; the header's search box suggests resources from the French full-text
 * search. Screenshots at 1400 px and 390 px go to server/target/screenshots/.
 */
class LinkedDataBrowserTest extends RunningServer {

    static ChromeDriver browser;

    @BeforeAll
    static void startBrowser(@TempDir Path tmp) throws Exception {
        boolean installed = Files.isExecutable(WebPageBrowserTest.CHROMIUM) && Files.isExecutable(WebPageBrowserTest.CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) assertThat(installed).as("chromium and chromium-driver installed by .ci/run").isTrue();
        Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        browser = WebPageBrowserTest.newBrowser(tmp.resolve("profile"));
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
            "window.__csp = []; document.addEventListener('securitypolicyviolation', e => "
            + "window.__csp.push(e.violatedDirective + ' ' + e.sourceFile + ':' + e.lineNumber));"));
        Files.createDirectories(WebPageBrowserTest.SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() { if (browser != null) browser.quit(); }

    String url(String path) { return "http://localhost:" + port + path; }

    WebDriverWait waiting() { return new WebDriverWait(browser, Duration.ofSeconds(20)); }

    @Test
    void pagesFitAPhoneAndPassTheAccessibilityScan() throws Exception {
        for (String[] page : new String[][] {
                {"/id/actor/le-centre", "resource-actor"}, {"/id/profession/aide-soignant", "resource-profession"},
                {"/id/action-sheet/cspams-03", "resource-with-extraction-notes"},
                {"/id/actor/?sort=document", "class-index"}, {"/def", "ontology"}, {"/search?q=aide+a+domicile", "search"}}) {
            for (boolean phone : new boolean[] {false, true}) {
                if (phone) browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
                else browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
                browser.get(url(page[0]));
                waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
                Long overflow = (Long) script("return document.documentElement.scrollWidth - window.innerWidth");
                assertThat(overflow).as(page[0] + " wider than the screen").isLessThanOrEqualTo(0);
                assertThat(browser.executeScript("return window.__csp")).as(page[0] + ": blocked by the CSP").isEqualTo(List.of());
                screenshot((phone ? "phone-" : "desktop-") + page[1]);
                if (!phone) assertNoSeriousViolation(page[0]);
            }
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @Test
    void extractionNotesAreFoldedUntilTheReaderOpensThem() {
        browser.get(url("/id/initiative/action-d-aide-a-domicile-en-milieu-rural?lang=en"));
        WebElement fold = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.extraction-notes")));
        WebElement note = fold.findElement(By.cssSelector("p[lang=fr]"));
        assertThat(note.isDisplayed()).as("a note before its summary is opened").isFalse();
        WebElement summary = fold.findElement(By.tagName("summary"));
        assertThat(summary.getText()).isEqualTo("Extraction notes (1)");
        summary.click();
        waiting().until(ExpectedConditions.visibilityOf(note));
        assertThat(note.getText()).startsWith("Aucun lieu précis n'est donné").contains("Territoire du document (règle)")
            .doesNotContain("fichier");
    }

    @Test
    void theHeaderSearchBoxSuggestsFromTheFullTextSearch() {
        browser.get(url("/id/"));
        WebElement input = waiting().until(ExpectedConditions.elementToBeClickable(By.id("site-search-q")));
        input.sendKeys("aides soignantes");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=listbox]"), "Aide-soignant"));
        assertThat(browser.findElement(By.cssSelector("[role=listbox]")).getText()).containsIgnoringCase("métier");
        input.sendKeys(Keys.ARROW_DOWN);
        input.sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("/id/profession/aide-soignant"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Aide-soignant");
    }

    Object script(String js, Object... args) { return ((JavascriptExecutor) browser).executeScript(js, args); }

    void screenshot(String name) throws Exception {
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(WebPageBrowserTest.SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    void assertNoSeriousViolation(String what) {
        List<String> serious = new ArrayList<>();
        for (Rule rule : new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser).getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                serious.add(rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " — "
                    + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
        assertThat(serious).as("axe-core violations on %s", what).isEmpty();
    }
}
