package io.jwtdropin.bench.soak;

import java.net.http.HttpResponse;

/** Whether an answer is the one its kind must get: status, challenge, and a body without internals. */
final class AnswerCheck {

    private AnswerCheck() {
    }

    static boolean right(Traffic.Call call, HttpResponse<String> response) {
        Kind kind = call.kind();
        String body = response.body();
        if (response.statusCode() != kind.status) {
            return false;
        }
        return switch (kind.status) {
            case 200 -> body.contains(call.request().uri().getPath().endsWith("/me") ? "\"name\":\"" : "saved for ");
            case 401 -> response.headers().allValues("WWW-Authenticate").stream()
                    .anyMatch(v -> v.contains("Bearer error=\"invalid_token\"")) && clean(body);
            default -> clean(body);
        };
    }

    /** What came, for the report of a wrong answer: status, challenge and the start of the body. */
    static String describe(HttpResponse<String> response) {
        String body = response.body();
        return response.statusCode() + " " + response.headers().allValues("WWW-Authenticate") + " "
                + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
    }

    /** A refusal's body says nothing about the server or the token. */
    private static boolean clean(String body) {
        return !body.contains("Exception") && !body.contains("JWTD-") && !body.contains("at io.") && body.length() < 4096;
    }
}
