package io.jwtdropin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's configuration tables name exactly the keys the code reads: none undocumented, none dead. */
class ReadmeConfigTableTest {

    private static final Pattern TABLE_KEY = Pattern.compile("^\\| `((?:mp\\.jwt|jwtdropin)\\.[a-z.<>-]+)` \\|", Pattern.MULTILINE);

    @Test
    void documentedKeysAreTheKeysRead() throws Exception {
        Set<String> read = Arrays.stream(ConfigKeys.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !Set.of("PREFIX", "NAME").contains(f.getName()))
                .map(ReadmeConfigTableTest::value)
                .collect(Collectors.toCollection(TreeSet::new));
        String readme = Files.readString(Path.of("..", "README.md"));
        Set<String> documented = new TreeSet<>();
        Matcher m = TABLE_KEY.matcher(readme);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertEquals(read, documented);
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
