import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints an RS256 token for the sample app with its demo key, using only the JDK:
 * {@code java sample-app/tools/MintToken.java alice user [ttl-seconds]}.
 * The demo key is for this sample only; never use it anywhere else.
 */
public class MintToken {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java sample-app/tools/MintToken.java <user> <group[,group...]> [ttl-seconds] [key.pem]");
            System.exit(2);
        }
        Path keyFile = Path.of(args.length > 3 ? args[3] : "sample-app/demo-keys/privateKey.pem");
        String pem = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        long now = System.currentTimeMillis() / 1000;
        long ttl = args.length > 2 ? Long.parseLong(args[2]) : 3600;
        StringBuilder groups = new StringBuilder();
        for (String g : args[1].split(",")) {
            groups.append(groups.length() == 0 ? "" : ",").append('"').append(g).append('"');
        }
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"https://sample.jwt-dropin.example\",\"aud\":\"sample-app\",\"sub\":\"" + args[0]
                + "\",\"upn\":\"" + args[0] + "\",\"groups\":[" + groups + "],\"iat\":" + now + ",\"exp\":" + (now + ttl)
                + ",\"jti\":\"" + UUID.randomUUID() + "\",\"email\":\"" + args[0] + "@example.com\"}";
        String input = b64(header) + "." + b64(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        System.out.println(input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign()));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
