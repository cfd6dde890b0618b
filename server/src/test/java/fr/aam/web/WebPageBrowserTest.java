package fr.aam.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The home page in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs), against
 * the server on a random port with the real data: what a policy officer does (pick a query, search a value in the
 * combobox, read, sort, download, share the link, read the charts, switch to English) and what an analyst does
 * (open a canned query in the SPARQL editor, run SELECT and CONSTRUCT, read a parser error). An axe-core scan checks
 * the home page and a result for serious or critical WCAG 2.1 AA violations. Screenshots of the main views, at
 * 1400 px and at 390 px, go to server/target/screenshots/ for a reviewer. One browser serves every test.
 */
class WebPageBrowserTest extends RunningServer {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String RURAL_ACTION = ID + "initiative/action-d-aide-a-domicile-en-milieu-rural";

    static ChromeDriver browser;
    static Path downloads;

    @BeforeAll
    static void startBrowser(@TempDir Path tmp) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) assertThat(installed).as("chromium and chromium-driver installed by .ci/run").isTrue();
        Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        browser = newBrowser(tmp.resolve("profile"));
        downloads = Files.createDirectories(tmp.resolve("downloads"));
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        // every page records what its Content-Security-Policy blocked (no inline script or style is allowed)
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
            "window.__csp = []; document.addEventListener('securitypolicyviolation', e => "
            + "window.__csp.push(e.violatedDirective + ' ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample));"));
        Files.createDirectories(SCREENSHOTS);
    }

    static ChromeDriver newBrowser(Path profile) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=fr-FR", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() { if (browser != null) browser.quit(); }

    @BeforeEach
    void desktop() { browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of()); }

    // ---- helpers ------------------------------------------------------------------------------------------------

    String url(String pathAndQuery) { return "http://localhost:" + port + pathAndQuery; }

    /** Waits up to 20 s; an element replaced while looked at (the page redraws its results) is looked up again. */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    WebElement visible(String css) { return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))); }

    void statusSays(String text) { waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("query-status"), text)); }

    /** The number of rows the API answers for a query (X-Total-Count): what the page must say it found. */
    long total(String queryAndParams) {
        return Long.parseLong(http.get("/api/queries/" + queryAndParams + (queryAndParams.contains("?") ? "&" : "?") + "limit=1")
            .headers().firstValue("X-Total-Count").orElseThrow());
    }

    /** "281 résultats" as the page writes a count (a narrow no-break space between thousands). */
    static String results(long n) {
        return java.text.NumberFormat.getIntegerInstance(Locale.FRANCE).format(n).replace('\u00a0', '\u202f') + " résultats";
    }

    static List<String> column(ChromeDriver b, int index) {
        return b.findElements(By.cssSelector("#query-result table.results tbody tr")).stream()
            .map(tr -> tr.findElements(By.tagName("td")).get(index).getText()).toList();
    }

    List<List<String>> rows(ChromeDriver b) {
        return b.findElements(By.cssSelector("#query-result table.results tbody tr")).stream()
            .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    Object script(String js, Object... args) { return ((JavascriptExecutor) browser).executeScript(js, args); }

    /** The ECharts model of the chart on the page (what it draws), read from the library the page itself loaded. */
    @SuppressWarnings("unchecked")
    Map<String, Object> chartOption() {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
            "const done = arguments[0];"
            + "import('/vendor/echarts/echarts.esm.min.js').then(e => {"
            + "  const o = e.getInstanceByDom(document.querySelector('.chart')).getOption();"
            + "  done({ type: o.series[0].type, items: o.series[0].data.length,"
            + "    nonZero: o.series[0].data.filter(d => !Array.isArray(d.value) || d.value[2] !== 0).length,"
            + "    categoriesY: (o.yAxis[0].data || []).length });"
            + "});");
    }

    @SuppressWarnings("unchecked")
    List<String> blockedByTheContentSecurityPolicy() {
        assertThat(browser.executeScript("return Array.isArray(window.__csp)")).isEqualTo(true);
        return (List<String>) browser.executeScript("return window.__csp");
    }

    /**
     * The one thing the CSP blocks on the page: the {@code <style>} element the column resizer of YASGUI's result table
     * injects (its rules are served by style.css instead, so the table looks the same).
     */
    static void isYasguiColumnResizerStyle(String violation) {
        assertThat(violation).startsWith("style-src-elem ").contains("/vendor/yasgui/yasgui.min.js");
    }

    void phone() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
            Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    /** The whole page. */
    void screenshot(String name) { screenshot(name, null); }

    /** The part of the page a view is about (e.g. the query and its result), whatever its height. */
    @SuppressWarnings("unchecked")
    void screenshot(String name, String css) {
        Map<String, Object> params = new java.util.HashMap<>(Map.of("format", "png", "captureBeyondViewport", true));
        if (css != null) {
            Map<String, Object> box = (Map<String, Object>) script("const r = arguments[0].getBoundingClientRect();"
                + "return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height, scale: 1};",
                browser.findElement(By.cssSelector(css)));
            params.put("clip", box);
        }
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", params);
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** No horizontal scroll of the page itself (tables and code scroll in their own box). */
    void fitsTheScreen() {
        Long overflow = (Long) script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow).as("page wider than the screen").isLessThanOrEqualTo(0);
    }

    /** Fills the combobox of a parameter by typing, then chooses the option with the keyboard. */
    void choose(String param, String typed, String option) {
        WebElement input = visible("#param-" + param);
        input.clear();
        input.sendKeys(typed);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#param-" + param + " ~ [role=listbox]"), option));
        input.sendKeys(Keys.ARROW_DOWN);
        assertThat(input.getAttribute("aria-activedescendant")).isNotBlank();
        input.sendKeys(Keys.ENTER);
        assertThat(input.getAttribute("value")).isEqualTo(option);
    }

    void runEditor() {
        browser.findElement(By.cssSelector("#yasgui .tabPanel.active .yasqe_queryButton")).click();
    }

    void setEditorQuery(String sparql) {
        script("document.querySelector('#yasgui .tabPanel.active .CodeMirror').CodeMirror.setValue(arguments[0])", sparql);
    }

    // ---- a policy officer -----------------------------------------------------------------------------------------

    @Test
    void partnersOfAnInitiativeFoundWithTheComboboxAndThePermalinkInAFreshBrowser(@TempDir Path otherProfile) {
        browser.get(url("/"));
        WebElement card = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.card[data-id='partners-per-initiative']")));
        assertThat(browser.findElements(By.cssSelector("a.card"))).hasSizeGreaterThanOrEqualTo(17);
        assertThat(card.getText()).startsWith("Partenaires de chaque initiative");
        card.click();
        // choosing a query moves the focus to its form
        waiting().until(d -> "param-action".equals(script("return document.activeElement.id")));

        choose("action", "milieu rur", "Action d'aide à domicile en milieu rural");
        assertThat(browser.findElement(By.cssSelector("#param-action ~ [role=listbox]")).getText()).isEmpty();   // closed
        browser.findElement(By.cssSelector("#query-form button[type=submit]")).click();
        statusSays("3 résultats en");
        assertThat(column(browser, 1)).containsExactlyInAnyOrder("ADMR 86", "Agence France Travail de Châtellerault", "VYV3");
        assertThat(column(browser, 2)).contains("Porteur", "Co-porteur");
        assertThat(browser.findElements(By.cssSelector("#query-result thead th")).stream().map(WebElement::getText).toList())
            .containsExactly("Action ↕", "Acteur ↕", "Rôle ↕", "Document source ↕", "Citation ↕");
        // a label links to the resource page on this server
        assertThat(browser.findElement(By.linkText("VYV3")).getAttribute("href")).isEqualTo(url("/id/actor/vyv3"));
        screenshot("desktop-partners-of-an-initiative", "#requete");
        phone();
        fitsTheScreen();
        screenshot("phone-partners-of-an-initiative", "#requete");
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());

        String permalink = browser.getCurrentUrl();
        assertThat(permalink).contains("query=partners-per-initiative").contains("action=");
        List<List<String>> shown = rows(browser);

        // Back leaves the result for the empty form of the query chosen, Forward comes back to the result
        browser.navigate().back();
        waiting().until(d -> d.getCurrentUrl().endsWith("?query=partners-per-initiative"));
        statusSays(results(total("partners-per-initiative")));
        browser.navigate().forward();
        statusSays("3 résultats");
        assertThat(browser.findElement(By.id("param-action")).getAttribute("value")).isEqualTo("Action d'aide à domicile en milieu rural");

        // the link in a browser that never saw the page: same rows, same form
        ChromeDriver fresh = newBrowser(otherProfile);
        try {
            fresh.get(permalink);
            new WebDriverWait(fresh, Duration.ofSeconds(20)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("query-status"), "3 résultats"));
            assertThat(rows(fresh)).isEqualTo(shown);
            new WebDriverWait(fresh, Duration.ofSeconds(10)).until(d ->
                "Action d'aide à domicile en milieu rural".equals(d.findElement(By.id("param-action")).getAttribute("value")));
        } finally {
            fresh.quit();
        }
    }

    @Test
    void sortingAColumnOrdersTheWholeResultAndIsKeptInTheLink() {
        browser.get(url("/?query=partners-per-initiative"));
        long all = total("partners-per-initiative");
        long pages = (all + 49) / 50;
        statusSays(results(all));
        WebElement actor = visible("button.sort[data-sort='actorLabel']");
        actor.click();
        waiting().until(d -> "ascending".equals(d.findElement(By.xpath("//button[@data-sort='actorLabel']/..")).getAttribute("aria-sort")));
        List<String> ascending = column(browser, 1);
        Collator french = Collator.getInstance(Locale.FRENCH);
        assertThat(ascending).hasSize(50).isSortedAccordingTo(french);
        assertThat(browser.getCurrentUrl()).contains("sort=actorLabel");
        assertThat(browser.findElement(By.cssSelector(".pager-position")).getText()).isEqualTo("Page 1 sur " + pages);

        browser.findElement(By.cssSelector("button.sort[data-sort='actorLabel']")).click();
        waiting().until(d -> "descending".equals(d.findElement(By.xpath("//button[@data-sort='actorLabel']/..")).getAttribute("aria-sort")));
        assertThat(column(browser, 1)).isSortedAccordingTo(french.reversed());
        assertThat(browser.getCurrentUrl()).contains("sort=-actorLabel");

        // the next page continues the sorted whole, through the API's paging
        String lastOfFirstPage = column(browser, 1).get(49);
        browser.findElement(By.cssSelector("[data-page='next']")).click();
        waiting().until(ExpectedConditions.textToBe(By.cssSelector(".pager-position"), "Page 2 sur " + pages));
        assertThat(french.compare(column(browser, 1).get(0), lastOfFirstPage)).isLessThanOrEqualTo(0);
        assertThat(browser.getCurrentUrl()).contains("page=2");
    }

    @Test
    void theCsvDownloadOpensInASpreadsheet() throws Exception {
        browser.get(url("/?query=partners-per-initiative&action=" + HttpClientSupport.enc(RURAL_ACTION)));
        statusSays("3 résultats");
        try (Stream<Path> old = Files.list(downloads)) { old.forEach(p -> p.toFile().delete()); }
        browser.findElement(By.cssSelector("[data-download='csv']")).click();
        Path csv = downloads.resolve("partners-per-initiative.csv");
        waiting().until(d -> Files.exists(csv) && csv.toFile().length() > 0);
        byte[] bytes = Files.readAllBytes(csv);
        // UTF-8 with a byte order mark: Excel reads the accents
        assertThat(bytes).startsWith(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Action (IRI);Action;Acteur (IRI);Acteur;Rôle (IRI);Rôle;Document source;Citation");
        assertThat(lines).hasSize(4);
        assertThat(lines.stream().filter(l -> l.startsWith(RURAL_ACTION + ";Action d'aide à domicile en milieu rural;" + ID + "actor/vyv3;VYV3;"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[data-download='json']")).getAttribute("href")).contains("format=json");
    }

    @Test
    void theInnovationMatricesAreDrawnWithTheirTwentyInitiativesAndTheInnovationLine() {
        browser.get(url("/?query=innovation-matrix"));
        statusSays("20 résultats");
        visible(".chart svg");
        Map<String, Object> option = chartOption();
        assertThat(option).containsEntry("type", "scatter").containsEntry("items", 20L);
        // what the reader sees: 20 points drawn, the word "Innovation" on each matrix's line, the data one click away
        Long drawn = (Long) script("return [...document.querySelectorAll('.chart svg path')].filter(p => p.getAttribute('fill') === '#1f4e79').length");
        assertThat(drawn).isEqualTo(20);
        assertThat(browser.findElements(By.xpath("//*[local-name()='svg']//*[local-name()='text'][.='Innovation']"))).hasSize(3);
        browser.findElement(By.cssSelector(".chart-data summary")).click();
        assertThat(browser.findElements(By.cssSelector(".chart-data tbody tr"))).hasSize(20);
        assertThat(browser.findElement(By.cssSelector(".chart-data")).getText()).contains("Actiduo");
        browser.findElement(By.id("tab-table")).click();
        assertThat(visible("#panel-table table.results").getText()).contains("Actiduo");
        assertThat(browser.getCurrentUrl()).contains("view=table");
        browser.findElement(By.id("tab-chart")).click();
        // the chart's tooltip is written without inline styles: the page runs under the site's CSP
        new org.openqa.selenium.interactions.Actions(browser)
            .moveToElement(browser.findElement(By.cssSelector(".chart svg")), -400, -150).pause(300).perform();
        assertThat(http.get("/").headers().firstValue("Content-Security-Policy").orElse("")).contains("style-src 'self'")
            .doesNotContain("unsafe-inline");
        assertThat(blockedByTheContentSecurityPolicy()).isEmpty();
        screenshot("desktop-innovation-matrices", "#requete");
        phone();
        browser.navigate().refresh();
        visible(".chart svg");
        fitsTheScreen();
        screenshot("phone-innovation-matrices", "#requete");
    }

    @Test
    void theHeatMapShowsEveryTerritoryAndItsUncoveredLevers() {
        browser.get(url("/?query=uncovered-levers-per-territory"));
        long uncovered = total("uncovered-levers-per-territory");
        statusSays(results(uncovered));
        visible(".chart svg");
        Map<String, Object> option = chartOption();
        // a row per territory the data knows, a column per lever, a coloured cell per (territory, lever) without initiative
        List<String> csv = http.get("/api/queries/uncovered-levers-per-territory?format=csv&limit=10000").body().lines().skip(1).toList();
        long territories = csv.stream().map(l -> l.substring(0, l.indexOf(','))).distinct().count();
        long levers = csv.stream().map(l -> l.split(",")[2]).distinct().count();
        assertThat(territories).isGreaterThan(40);
        assertThat(option).containsEntry("type", "heatmap").containsEntry("categoriesY", territories)
            .containsEntry("nonZero", uncovered).containsEntry("items", territories * levers);
        assertThat(browser.findElement(By.cssSelector(".chart-key")).getText()).contains("C1").contains("Rémunération");
        browser.findElement(By.cssSelector(".chart-data summary")).click();
        assertThat(browser.findElements(By.cssSelector(".chart-data tbody tr"))).hasSize((int) uncovered);
        screenshot("desktop-uncovered-levers-heat-map", "#requete");
        phone();
        browser.navigate().refresh();
        visible(".chart svg");
        fitsTheScreen();
        screenshot("phone-uncovered-levers-heat-map", "#requete");
    }

    @Test
    void switchingToEnglishKeepsTheQueryAndTranslatesWhatAPersonReads() {
        browser.get(url("/?query=initiatives-of-actor&actor=" + HttpClientSupport.enc(ID + "actor/le-centre")));
        statusSays("3 résultats");
        browser.findElement(By.cssSelector(".lang-switch")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("query-status"), "3 results in"));
        assertThat(browser.getCurrentUrl()).contains("lang=en").contains("query=initiatives-of-actor");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Who does what to make care and autonomy professions attractive?");
        assertThat(browser.findElement(By.id("query-title")).getText()).isEqualTo("Actions of an actor");
        assertThat(browser.findElement(By.cssSelector("label[for='param-actor']")).getText()).isEqualTo("Actor");
        assertThat(browser.findElement(By.cssSelector("#query-result thead")).getText()).contains("Actor").contains("Kind of action");
        assertThat(browser.findElement(By.cssSelector("a.card[data-id='partners-per-initiative']")).getText()).startsWith("Partners of each initiative");
        assertThat(browser.findElement(By.linkText("Le Centre")).getAttribute("href")).endsWith("/id/actor/le-centre?lang=en");
        browser.findElement(By.cssSelector(".lang-switch")).click();
        statusSays("3 résultats");
    }

    // ---- an analyst -----------------------------------------------------------------------------------------------

    @Test
    void aCannedQueryOpensInTheEditorWithItsParametersAndRuns() {
        browser.get(url("/?query=initiatives-of-actor&actor=" + HttpClientSupport.enc(ID + "actor/le-centre")));
        statusSays("3 résultats");
        browser.findElement(By.cssSelector("[data-open-editor]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#yasgui .tabsList .tab")).stream().anyMatch(t -> t.getText().contains("Actions d'un acteur")));
        String text = (String) script("return document.querySelector('#yasgui .tabPanel.active .CodeMirror').CodeMirror.getValue()");
        assertThat(text).contains("VALUES ?actor { <" + ID + "actor/le-centre> }").contains("GROUP_CONCAT");
        runEditor();
        waiting().until(d -> d.findElements(By.cssSelector("#yasgui .tabPanel.active .yasr table.dataTable tbody tr")).size() == 3);
        assertThat(browser.findElement(By.cssSelector("#yasgui .tabPanel.active .yasr")).getText()).contains("Rallye des métiers de l'autonomie");
        // under the site's CSP, YASGUI works; the one thing blocked is the <style> element its table's column resizer
        // injects, whose rules style.css serves instead
        assertThat(blockedByTheContentSecurityPolicy()).allSatisfy(WebPageBrowserTest::isYasguiColumnResizerStyle);
        screenshot("desktop-editor", "#editeur");
    }

    @Test
    void theEditorRunsAConstructAndExplainsAMalformedQuery() {
        browser.get(url("/#editeur"));
        visible("#yasgui .tabPanel.active .CodeMirror");
        browser.findElement(By.cssSelector("[data-new-query]")).click();
        // the data's prefixes are declared in a new query
        assertThat((String) script("return document.querySelector('#yasgui .tabPanel.active .CodeMirror').CodeMirror.getValue()"))
            .contains("PREFIX aam: <https://w3id.org/attractivite-autonomie/def#>").contains("PREFIX role:");
        setEditorQuery("PREFIX aam: <https://w3id.org/attractivite-autonomie/def#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "CONSTRUCT { ?i rdfs:label ?l } WHERE { ?i a aam:Initiative ; rdfs:label ?l . FILTER(CONTAINS(?l, \"Actiduo\")) }");
        runEditor();
        waiting().until(d -> d.findElement(By.cssSelector("#yasgui .tabPanel.active .yasr")).getText().contains("Actiduo"));
        assertThat(browser.findElement(By.cssSelector("#yasgui .tabPanel.active .yasr")).getText()).contains("rdfs:label");

        setEditorQuery("SELECT * WHERE { ?s ?p ");
        runEditor();
        WebElement error = waiting().until(d -> d.findElements(By.cssSelector("#yasgui .tabPanel.active .yasr .errorResult")).stream()
            .filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(error.getText()).contains("Parse error").contains("line 1, column");
        phone();
        fitsTheScreen();
        screenshot("phone-editor-error", "#editeur");
    }

    // ---- accessibility and the home page ----------------------------------------------------------------------------

    @Test
    void theHomePageAndAResultHaveNoSeriousAccessibilityViolation() {
        browser.get(url("/"));
        visible("a.card[data-id='sources']");
        visible("[data-about] .facts");
        visible("#yasgui .CodeMirror");
        assertThat(blockedByTheContentSecurityPolicy()).allSatisfy(WebPageBrowserTest::isYasguiColumnResizerStyle);
        assertNoSeriousViolation("home page");
        screenshot("desktop-home");
        phone();
        fitsTheScreen();
        screenshot("phone-home");
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());

        browser.get(url("/?query=initiatives-by-lever"));
        statusSays("résultats");
        visible(".chart svg");
        assertNoSeriousViolation("a result with its chart");
        browser.findElement(By.id("tab-table")).click();
        assertNoSeriousViolation("a result as a table");
        screenshot("desktop-actions-by-lever", "#requete");
    }

    @Test
    void theAboutPanelComesFromTheData() {
        browser.get(url("/#a-propos"));
        WebElement about = visible("[data-about] .facts");
        assertThat(about.getText()).contains("Les 4 documents sources").contains("ReSanté-Vous, octobre 2025")
            .contains("CSPAMS PACA, 24 mars 2023").contains("triplets RDF").contains("https://w3id.org/attractivite-autonomie/sparql")
            .contains(url("/sparql")).contains("etalab.gouv.fr/licence-ouverte-open-licence");
        assertThat(browser.findElement(By.cssSelector("[data-about] .citation")).getText())
            .startsWith("Attractivité des métiers de l'autonomie — graphe de connaissances. Jeu de données, " + ID + "dataset.");
    }

    void assertNoSeriousViolation(String what) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        List<String> serious = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                serious.add(rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " — "
                    + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
        assertThat(serious).as("axe-core violations on the %s", what).isEmpty();
    }
}
