package io.ganglion.engine.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlMappingTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "/list          | /list           | true",
        "/list          | /list/          | false",
        "/list          | /lis            | false",
        "/list          | /list/1         | false",
        "/orders/*      | /orders         | true",
        "/orders/*      | /orders/        | true",
        "/orders/*      | /orders/1/items | true",
        "/orders/*      | /ordersX        | false",
        "/orders/*      | /other          | false",
        "/*             | /               | true",
        "/*             | /anything/at/all| true",
        "*.xml          | /a/b.xml        | true",
        "*.xml          | /b.xml          | true",
        "*.xml          | /a.xml/b        | false",
        "*.xml          | /a/b.json       | false",
        "/              | /               | true",
        "/              | /x/y            | true",
        "/caf~e         | /caf~e          | true",
        "/a b           | /a%20b          | true",
    })
    void matches(String mapping, String path, boolean expected) {
        assertEquals(expected, UrlMapping.parse(mapping).match(UriCodec.normalize(path)) >= 0);
    }

    @Test
    void ranksExactThenLongestPrefixThenExtensionThenDefault() {
        String path = "/orders/items/list.xml";
        int exact = UrlMapping.parse("/orders/items/list.xml").match(path);
        int longPrefix = UrlMapping.parse("/orders/items/*").match(path);
        int shortPrefix = UrlMapping.parse("/orders/*").match(path);
        int all = UrlMapping.parse("/*").match(path);
        int extension = UrlMapping.parse("*.xml").match(path);
        int fallback = UrlMapping.parse("/").match(path);
        assertTrue(exact > longPrefix, "exact beats prefix");
        assertTrue(longPrefix > shortPrefix, "longer prefix wins");
        assertTrue(shortPrefix > all, "/* is the shortest prefix");
        assertTrue(all > extension, "prefix beats extension");
        assertTrue(extension > fallback, "extension beats default");
        assertTrue(fallback >= 0, "default matches everything");
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "/orders/*/items", "*.", "/a*", "/x/*.xml", "**"})
    void rejectsNonServletMappings(String mapping) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UrlMapping.parse(mapping));
        assertTrue(e.getMessage().contains("url-mapping"), e.getMessage());
    }
}
