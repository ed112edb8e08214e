package io.jwtdropin.cli;

import io.jwtdropin.config.InvalidConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar jwt-dropin-cli.jar <command> [flags]}. Exit codes: 0 done (token valid), 1 token refused,
 * 2 bad command line, 3 bad input (unreadable file, unusable key).
 */
public final class Main {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int BAD_INPUT = 3;

    static final String HELP = """
            jwt-dropin command-line tool

              keygen  --type rsa|ec|ed25519 [--kid ID] [--out DIR]
                      Writes private-key.pem (PKCS#8), public-key.pem, private-key.jwk.json and jwks.json (public).
              mint    --key PRIVATE_KEY_FILE --iss ISSUER --sub SUBJECT [--groups a,b] [--aud AUD] [--ttl SECONDS]
                      [--kid ID] [--alg RS256|PS256|ES256|EdDSA] [--claims CLAIMS.json]
                      [--dpop-key CLIENT_PRIVATE_JWK]
                      Prints a signed token (default lifetime 300 s; algorithm from the key type); with --dpop-key,
                      bound to that client key (cnf.jkt).
              proof   --key CLIENT_PRIVATE_JWK --url URL [--method GET] [--token ACCESS_TOKEN] [--nonce NONCE]
                      Prints a DPoP proof for one request (send it as the DPoP header, the token as "DPoP <token>").
              verify  --key PUBLIC_KEY_FILE_OR_URL [--iss ISSUER] [--aud AUD] [--alg ALG,...] [--min-rsa-bits N] TOKEN|-
                      Verifies as the jar does and prints the claims, or the reason it refuses (same ids, JWTD-1xx).
              decode  TOKEN|-
                      Prints header and claims WITHOUT verifying anything.

            Exit codes: 0 done / token valid, 1 token refused, 2 bad command line, 3 bad input.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h") || args.get(0).equals("help")) {
            (args.isEmpty() ? err : out).print(HELP);
            return args.isEmpty() ? USAGE : OK;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "keygen" -> KeygenCommand.run(rest, out);
                case "mint" -> MintCommand.run(rest, out);
                case "verify" -> VerifyCommand.run(rest, out, err);
                case "decode" -> DecodeCommand.run(rest, out);
                case "proof" -> ProofCommand.run(rest, out);
                default -> throw new UsageException("unknown command '" + args.get(0) + "'");
            };
        } catch (UsageException e) {
            err.println("usage error: " + e.getMessage() + " (see --help)");
            return USAGE;
        } catch (InvalidConfigException | IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
