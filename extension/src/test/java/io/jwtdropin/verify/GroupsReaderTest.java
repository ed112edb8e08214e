package io.jwtdropin.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jwtdropin.config.ConfigReader;
import io.jwtdropin.config.GroupClaims;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Claim paths and mapping over odd claim shapes: whatever is not a string where strings are expected grants nothing. */
class GroupsReaderTest {

    static GroupClaims rule(String paths, String map) {
        Map<String, String> values = new HashMap<>(Map.of("mp.jwt.verify.publickey", TokenVerifierTest.pem(TokenVerifierTest.RSA)));
        if (!paths.isEmpty()) {
            values.put("jwtdropin.groups.paths", paths);
        }
        if (!map.isEmpty()) {
            values.put("jwtdropin.groups.map", map);
        }
        return ConfigReader.read(key -> Optional.ofNullable(values.get(key))).trustedIssuers().get(0).groups();
    }

    @ParameterizedTest(name = "{0} | {1} over {2}")
    @CsvSource(delimiter = '|', value = {
        // paths | mapping | claims | groups (space-separated, sorted)
        "'' | '' | {\"groups\":[\"a\",\"b\",\"a\"]} | a b",
        "'' | '' | {\"groups\":\"a b\"} | ''",
        "'' | '' | {\"groups\":[\"a\",7]} | ''",
        "'' | '' | {\"groups\":{\"a\":1}} | ''",
        "groups | '' | {\"groups\":\"a b\"} | ''",
        "realm_access/roles | '' | {\"realm_access\":{\"roles\":[\"user\"]}} | user",
        "realm_access/roles | '' | {\"realm_access\":[\"user\"]} | ''",
        "realm_access/roles | '' | {\"realm_access\":{\"roles\":\"user admin\"}} | admin user",
        "realm_access/roles | '' | {\"realm_access\":{\"roles\":null}} | ''",
        "realm_access/roles | '' | {} | ''",
        "'realm_access/roles, resource_access/api/roles' | '' | {\"realm_access\":{\"roles\":[\"u\"]},\"resource_access\":{\"api\":{\"roles\":[\"r\"]},\"other\":{\"roles\":[\"x\"]}}} | r u",
        "'\"https://example.com/roles\"' | '' | {\"https://example.com/roles\":[\"admin\"]} | admin",
        "'\"https://example.com/roles\"' | '' | {\"https:\":{\"\":{\"example.com\":{\"roles\":[\"admin\"]}}}} | ''",
        "'\"https://ns.example\"/roles' | '' | {\"https://ns.example\":{\"roles\":[\"r\"]}} | r",
        "cognito:groups | '' | {\"cognito:groups\":[\"admins\"]} | admins",
        "scope | '' | {\"scope\":\"  openid   notes:write \"} | notes:write openid",
        "scope | '' | {\"scope\":42} | ''",
        "scope | '' | {\"scope\":true} | ''",
        "scope | 'notes:write=writer, notes:read=reader' | {\"scope\":\"openid notes:write notes:read\"} | openid reader writer",
        "scope | 'a=x, a=y' | {\"scope\":\"a\"} | x y",
        "'groups, scope' | '' | {\"groups\":[\"g\"],\"scope\":\"g s\"} | g s"})
    void groups(String paths, String map, String claims, String expected) {
        JsonObject json = Json.createReader(new StringReader(claims)).readObject();
        Set<String> groups = new TreeSet<>(new GroupsReader(rule(paths, map)).groups(json));
        Set<String> want = new TreeSet<>(expected.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(expected.split(" "))));
        assertEquals(want, groups);
    }
}
