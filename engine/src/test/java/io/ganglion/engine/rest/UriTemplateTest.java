package io.ganglion.engine.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UriTemplateTest {

    /** Expected variables as {@code a=1;b=2}, {@code -} for a match without variables, {@code NO} for no match. */
    @ParameterizedTest(name = "{0} ~ {1}?{2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // literal templates
        "/orders            | /orders              | null          | -",
        "/orders            | /orders/             | null          | -",
        "/orders/           | /orders              | null          | -",
        "/orders            | /order               | null          | NO",
        "/orders            | /orders/1            | null          | NO",
        "/                  | /                    | null          | -",
        "/                  | /x                   | null          | NO",
        "''                 | /                    | null          | -",
        // a template without a query part ignores the query
        "/orders            | /orders              | a=1&b=2       | -",
        // simple variables: one segment each
        "/orders/{id}       | /orders/42           | null          | id=42",
        "/orders/{id}       | /orders/42/          | null          | id=42",
        "/orders/{id}       | /orders/             | null          | NO",
        "/orders/{id}       | /orders              | null          | NO",
        "/orders/{id}       | /orders/42/items     | null          | NO",
        "/{a}/x/{b}         | /1/x/2               | null          | a=1;b=2",
        "/{a}/x/{b}         | /1/y/2               | null          | NO",
        "/orders/{id}.json  | /orders/7.json       | null          | id=7",
        "/orders/{id}       | /orders/a,b          | null          | id=a,b",
        // decoding: values are percent-decoded, '+' stays in paths, %2F stays inside the segment
        "/people/{name}     | /people/J%C3%BCrgen  | null          | name=Jürgen",
        "/people/{name}     | /people/a%20b        | null          | name=a b",
        "/people/{name}     | /people/a+b          | null          | name=a+b",
        "/files/{name}      | /files/a%2Fb         | null          | name=a/b",
        "/files/{name}      | /files/a/b           | null          | NO",
        // escapes of unreserved characters match their literal
        "/caf~e/{x}         | /caf%7Ee/1           | null          | x=1",
        "/caf%7Ee/{x}       | /caf~e/1             | null          | x=1",
        "/a b/{x}           | /a%20b/1             | null          | x=1",
        // several variables in one expression
        "/map/{x,y}         | /map/1024,768        | null          | x=1024;y=768",
        "/map/{x,y}         | /map/1024            | null          | x=1024",
        // reserved expansion spans segments
        "/files/{+path}     | /files/a/b/c.txt     | null          | path=a/b/c.txt",
        "/files/{+path}/raw | /files/a/b/raw       | null          | path=a/b",
        "/files/{+path}     | /files/              | null          | NO",
        "{+all}             | /x/y                 | null          | all=/x/y",
        // path-segment, label and path-parameter operators, prefix length
        "/a{/b,c}           | /a/1/2               | null          | b=1;c=2",
        "/a{/b,c}           | /a/1                 | null          | b=1",
        "/a{/rest*}         | /a/1/2/3             | null          | rest=1/2/3",
        "/file{.ext}        | /file.xml            | null          | ext=xml",
        "/m{;x,y}           | /m;x=1;y=2           | null          | x=1;y=2",
        "/code/{c:3}        | /code/abc            | null          | c=abc",
        "/code/{c:3}        | /code/abcd           | null          | NO",
        // literal query part: required parameters, any order, extra ones allowed, decoded
        "/s?q={q}           | /s                   | q=a+b         | q=a b",
        "/s?q={q}&n={n}     | /s                   | n=2&q=x&z=9   | q=x;n=2",
        "/s?q={q}&n={n}     | /s                   | q=x           | NO",
        "/s?q={q}           | /s                   | null          | NO",
        "/s?q={q}           | /s                   | q=            | q=",
        "/s?q={q}           | /s                   | q=%E2%82%AC   | q=€",
        "/s?type=json       | /s                   | type=json     | -",
        "/s?type=json       | /s                   | type=xml      | NO",
        "/s?flag            | /s                   | flag          | -",
        "/s/{id}?f={f}      | /s/5/                | f=1           | id=5;f=1",
        // query expressions: optional parameters
        "/s{?q,n}           | /s                   | null          | -",
        "/s{?q,n}           | /s                   | n=3           | n=3",
        "/s{?q}{&n}         | /s                   | q=1&n=2       | q=1;n=2",
        "/s/{id}{?v}        | /s/1                 | v=x           | id=1;v=x",
        "/s/{id}{?v}        | /s/1/                | null          | id=1",
        "/s?a={a}{&b}       | /s                   | a=1&b=2       | a=1;b=2",
    })
    void matches(String template, String path, String query, String expected) {
        Map<String, String> vars = UriTemplate.parse(template).match(path, query);
        if (expected.equals("NO")) {
            assertNull(vars, "expected no match");
            return;
        }
        Map<String, String> want = new LinkedHashMap<>();
        if (!expected.equals("-")) {
            for (String pair : expected.split(";")) {
                int eq = pair.indexOf('=');
                want.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        assertEquals(want, vars);
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders/{id}", "/a/{id", "/a/id}", "/a/{}", "/a/{=x}", "/a/{x y}", "/a/{?q}/b",
            "/a?{x}=1", "/a?x=a{b}", "/a/{c:0}", "/a/{{x}}"})
    void rejectsBadTemplates(String template) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UriTemplate.parse(template));
        assertTrue(e.getMessage().contains("uri-template"), e.getMessage());
    }

    @Test
    void keepsTheTextAsWritten() {
        assertEquals("/orders/{id}?f={f}", UriTemplate.parse("/orders/{id}?f={f}").toString());
    }
}
