package io.jwtdropin.it.support;

import io.jwtdropin.tck.DropinArchiveProcessor;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A user's WAR: the given classes, the trusted public key as {@code /publicKey.pem} on the class path, and a
 * {@code microprofile-config.properties}, our jar (unless the name starts with {@code builtin-}) and context root
 * {@code /}.
 */
public final class Deployments {

    private Deployments() {
    }

    /** PEM text of a public or (PKCS#8) private key. */
    public static String pem(java.security.Key key) {
        String type = key instanceof java.security.PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        return "-----BEGIN " + type + "-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n";
    }

    public static WebArchive war(String name, String config, Class<?>... classes) {
        return war(name, TestKeys.TRUSTED.publicKeyPem(), config, classes);
    }

    /** A WAR whose {@code microprofile-config.properties} is exactly {@code config} (no default key). */
    public static WebArchive configuredWar(String name, String config, Class<?>... classes) {
        return DropinArchiveProcessor.prepare(ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml"));
    }

    /** The same with another verification key (PEM text). */
    public static WebArchive war(String name, String publicKeyPem, String config, Class<?>... classes) {
        return DropinArchiveProcessor.prepare(ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsResource(new StringAsset(publicKeyPem), "publicKey.pem")
                .addAsResource(new StringAsset("mp.jwt.verify.publickey.location=/publicKey.pem\n"
                        + "mp.jwt.verify.issuer=" + TestKeys.ISSUER + "\n" + config), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml"));
    }
}
