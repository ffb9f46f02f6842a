package hcr.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The drawing page in a real browser (Debian's chromium, headless): characters drawn with mouse
 * and touch strokes are read back, a photo can be uploaded, the charset switched. Screenshots
 * go to target/. Skips when chromium or its driver is not installed.
 */
class DrawingPageBrowserTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static TestServer http;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute(),
                "Debian's chromium and chromium-driver are not installed (/usr/bin/chromium, /usr/bin/chromedriver):"
                        + " skipping the browser tests (tools/install-check-tools.sh installs them)");
        http = TestServer.ready();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=900,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (http != null) {
            http.close();
        }
    }

    @BeforeEach
    void openThePage() {
        browser.get(http.server.uri().toString());
    }

    private WebElement pad() {
        return browser.findElement(By.id("pad"));
    }

    /** Waits for the newest answer and returns the character the page shows as the best. */
    private String answer() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                b -> "done".equals(b.findElement(By.id("status")).getAttribute("data-state")));
        return browser.findElement(By.id("top-char")).getText();
    }

    /** Stroke points as fractions of the pad's size from its centre (-0.5 .. 0.5). */
    private static double[][] points(double... xy) {
        double[][] out = new double[xy.length / 2][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {xy[2 * i], xy[2 * i + 1]};
        }
        return out;
    }

    private static double[][] ellipse(double rx, double ry, int steps) {
        double[][] out = new double[steps + 1][];
        for (int i = 0; i <= steps; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / steps;
            out[i] = new double[] {rx * Math.cos(a), ry * Math.sin(a)};
        }
        return out;
    }

    /** Intermediate points every few pixels, so the browser sees a smooth drag. */
    private List<int[]> path(double[][] stroke) {
        int size = pad().getRect().getWidth();
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < stroke.length; i++) {
            for (int s = 0; s < 8; s++) {
                double t = s / 8.0;
                out.add(new int[] {(int) Math.round(size * (stroke[i][0] + t * (stroke[i + 1][0] - stroke[i][0]))),
                        (int) Math.round(size * (stroke[i][1] + t * (stroke[i + 1][1] - stroke[i][1])))});
            }
        }
        double[] endPoint = stroke[stroke.length - 1];
        out.add(new int[] {(int) Math.round(size * endPoint[0]), (int) Math.round(size * endPoint[1])});
        return out;
    }

    private void drawWithMouse(double[][] stroke) {
        List<int[]> path = path(stroke);
        Actions actions = new Actions(browser).moveToElement(pad(), path.get(0)[0], path.get(0)[1]).clickAndHold();
        for (int i = 1; i < path.size(); i++) {
            actions.moveByOffset(path.get(i)[0] - path.get(i - 1)[0], path.get(i)[1] - path.get(i - 1)[1]);
        }
        actions.release().perform();
    }

    private void drawWithFinger(double[][] stroke) {
        List<int[]> path = path(stroke);
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        PointerInput.Origin origin = PointerInput.Origin.fromElement(pad());
        Sequence touch = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, origin, path.get(0)[0], path.get(0)[1]))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        for (int[] p : path.subList(1, path.size())) {
            touch.addAction(finger.createPointerMove(Duration.ofMillis(5), origin, p[0], p[1]));
        }
        touch.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        browser.perform(List.of(touch));
    }

    private void screenshot(String name) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aSevenDrawnWithTheMouseIsReadAsSevenWithFiveBarsAndTheImageTheModelSaw() throws Exception {
        drawWithMouse(points(-0.25, -0.3, 0.25, -0.3, -0.05, 0.35));

        assertThat(answer()).isEqualTo("7");
        assertThat(browser.findElements(By.cssSelector("#results li"))).hasSize(5);
        screenshot("drawing-page-7.png");
    }

    @Test
    void anLDrawnWithAFingerIsReadAsL() throws Exception {
        drawWithFinger(points(-0.2, -0.35, -0.2, 0.3, 0.2, 0.3));

        assertThat(answer()).isEqualTo("L");
        screenshot("drawing-page-L-touch.png");
    }

    @Test
    void anOIsReadAsOAmongCapitalsAndAsZeroAmongDigits() throws Exception {
        new Select(browser.findElement(By.id("charset"))).selectByValue("upper");
        drawWithMouse(ellipse(0.22, 0.32, 24));
        assertThat(answer()).isEqualTo("O");

        new Select(browser.findElement(By.id("charset"))).selectByValue("digits");

        assertThat(answer()).isEqualTo("0");
        screenshot("drawing-page-O-digits.png");
    }

    @Test
    void anUploadedPhotoIsRecognised() throws Exception {
        browser.findElement(By.id("file")).sendKeys(Path.of("tools/samples/letter_A.jpg").toAbsolutePath().toString());

        assertThat(answer()).isEqualTo("A");
        screenshot("drawing-page-upload.png");
    }

    @Test
    void theClearButtonWorksFromTheKeyboard() {
        drawWithFinger(points(-0.2, -0.35, -0.2, 0.3, 0.2, 0.3));
        answer();

        WebElement clear = browser.findElement(By.id("clear"));
        clear.sendKeys(Keys.ENTER);

        assertThat(browser.findElement(By.id("top-char")).getText()).isEqualTo("–");
        assertThat(browser.findElements(By.cssSelector("#results li"))).isEmpty();
        assertThat(browser.findElement(By.id("status")).getAttribute("data-state")).isEqualTo("idle");
    }
}
