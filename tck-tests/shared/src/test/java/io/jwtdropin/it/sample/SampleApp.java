package io.jwtdropin.it.sample;

import io.jwtdropin.tck.DropinArchiveProcessor;

import io.jwtdropin.it.support.Http;
import jakarta.json.Json;
import java.io.File;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The sample WAR exactly as built (our jar inside), deployed at context root {@code /} (with what the server needs
 * in the deployment, as for every deployment: {@link DropinArchiveProcessor}), and its demo users.
 */
public final class SampleApp {

    static final Path DIR = Path.of(System.getProperty("sample.dir", "../sample-app"));

    private SampleApp() {
    }

    public static WebArchive war() {
        File war = DIR.resolve("target/sample-app.war").toFile();
        return DropinArchiveProcessor.prepare(
                ShrinkWrap.create(ZipImporter.class, "sample-app.war").importFrom(war).as(WebArchive.class));
    }

    /** A token for an API client, from {@code POST /auth/token}. */
    public static String token(URL base, String user, String password) {
        HttpResponse<String> response = Http.postJson(base, "auth/token",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode());
        }
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }
}
