package io.jwtdropin.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jwtdropin.it.sample.SampleApp;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sample app's login flow in a real headless Chromium: log in through the form, see the name that
 * {@code /api/me} returned, find the token out of the page script's reach, watch a cross-origin form post to a
 * state-changing endpoint be refused, log out.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserLoginIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleApp.war();
    }

    @ArquillianResource
    URL base;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void loginCookieCsrfAndLogout() throws Exception {
        // Log in through the form; me.html shows the name it fetched from /api/me.
        browser.get(base + "login.html");
        browser.findElement(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys("alice-password");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.textToBe(By.id("name"), "alice"));
        screenshot("logged-in");

        // The token cookie is there, HttpOnly and Secure, and invisible to the page's script.
        Cookie cookie = browser.manage().getCookieNamed("__Host-jwt");
        assertNotNull(cookie, "the login set the token cookie");
        assertTrue(cookie.isHttpOnly() && cookie.isSecure(), cookie.toString());
        String documentCookie = (String) script("return document.cookie");
        assertFalse(documentCookie.contains("__Host-jwt") || documentCookie.contains(cookie.getValue()), documentCookie);

        // Same-origin: the page saves a note with the cookie.
        browser.findElement(By.id("note")).sendKeys("hello");
        browser.findElement(By.id("save-note")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notes"), "hello"));

        // Cross-origin (same site, other port): the attacker's auto-submitting form is refused with 403.
        try (AttackerSite attacker = new AttackerSite(base)) {
            browser.get(attacker.pageUrl());
            wait.until(ExpectedConditions.urlContains("/api/notes"));
            screenshot("csrf-refused");
            // The navigation's own status (servers word their error pages differently).
            assertEquals(403L, script("return performance.getEntriesByType('navigation')[0].responseStatus"),
                    browser.getPageSource());
        }
        browser.get(base + "me.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notes"), "hello"));
        assertFalse(browser.findElement(By.id("notes")).getText().contains("pwned"), "the forged note was not saved");

        // Log out: the cookie is gone and /api/me answers 401.
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login.html"));
        assertEquals(null, browser.manage().getCookieNamed("__Host-jwt"));
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/api/me').then(r => done(r.status));");
        assertEquals(401L, status);
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.move(browser.getScreenshotAs(OutputType.FILE).toPath(), target.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
