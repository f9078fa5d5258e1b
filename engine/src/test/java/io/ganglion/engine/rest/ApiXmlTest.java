package io.ganglion.engine.rest;

import static io.ganglion.engine.testing.XmlAsserts.assertSimilar;
import static io.ganglion.engine.testing.XmlAsserts.readContext;
import static io.ganglion.engine.testing.XmlAsserts.writeContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.mediator.SequenceReference;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiXmlTest {

    private static final String NS = "xmlns='http://ws.apache.org/ns/synapse'";

    private static Api read(String xml) {
        ReadContext ctx = readContext("api.xml", xml);
        return ApiXml.read(ctx.root(), ctx);
    }

    @Test
    void roundTrip() {
        String xml = "<api " + NS + " name='Orders' context='/orders' version='1.0' version-type='url'"
                + " hostname='api.example.com' port='8280' transport='https'>"
                + "<resource methods='GET POST' uri-template='/{id}?f={f}'>"
                + "<inSequence><log level='full'/><send><endpoint key='OrdersEP'/></send></inSequence>"
                + "<outSequence><send/></outSequence>"
                + "<faultSequence onError='last'><log/></faultSequence>"
                + "</resource>"
                + "<resource methods='PUT' url-mapping='/bulk/*' content-type='application/json' user-agent='curl.*'"
                + " protocol='http' inSequence='inSeq' outSequence='outSeq' faultSequence='faultSeq'/>"
                + "<resource><inSequence><log/></inSequence></resource>"
                + "</api>";
        Api api = read(xml);
        assertEquals("Orders:v1.0", api.name());
        assertEquals("/orders/1.0", api.effectiveContext());
        assertEquals(3, api.resources().size());
        Resource first = api.resources().get(0);
        assertEquals(Set.of("GET", "POST"), first.methods());
        assertEquals("api:Orders:v1.0", first.flowName());
        assertInstanceOf(Sequence.class, first.inSequence());
        assertEquals("last", ((Sequence) first.faultSequence()).onError());
        assertEquals("inSeq", assertInstanceOf(SequenceReference.class, api.resources().get(1).inSequence()).key());
        assertSimilar(xml, ApiXml.write(api, writeContext()));
    }

    @Test
    void contextVersionRoundTrip() {
        String xml = "<api " + NS + " name='S' context='/{version}/s' version='2' version-type='context'>"
                + "<resource methods='GET'/></api>";
        Api api = read(xml);
        assertEquals("/2/s", api.effectiveContext());
        assertEquals(VersionType.CONTEXT, api.versionType());
        assertSimilar(xml, ApiXml.write(api, writeContext()));
    }

    @Test
    void recordsKeyedSequencesAsReferences() {
        ReadContext ctx = readContext("api.xml", "<api " + NS + " name='A' context='/a'><resource inSequence='in'"
                + " faultSequence='f'><outSequence onError='oe'><send/></outSequence></resource></api>");
        ApiXml.read(ctx.root(), ctx);
        assertEquals(List.of("in", "oe", "f"), ctx.references().stream().map(ReadContext.Reference::key).toList());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "context='orders'                                    | 1:1 | API context 'orders' must start with '/'",
        "context='/o' version='1' version-type='header'      | 1:1 | attribute 'version-type' must be url or context,"
                + " not 'header'",
        "context='/o' version-type='url'                     | 1:1 | attribute 'version-type' needs a 'version'",
        "context='/o' version='1' version-type='context'     | 1:1 | with version-type context, the context must"
                + " contain {version}, e.g. /{version}/o",
        "context='/{version}/o' version='1'                  | 1:1 | context '/{version}/o' contains {version};"
                + " that needs version-type=\"context\"",
        "context='/o' port='http'                            | 1:1 | attribute 'port' must be a port number"
                + " (1-65535), not 'http'",
        "context='/o' port='70000'                           | 1:1 | attribute 'port' must be a port number"
                + " (1-65535), not '70000'",
        "context='/o' transport='ftp'                        | 1:1 | attribute 'transport' must be http or https,"
                + " not 'ftp'",
        "context='/o/*'                                      | 1:1 | API context '/o/*' may not hold templates or"
                + " wildcards",
    })
    void rejectsBadApiAttributes(String attributes, String where, String message) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> read("<api " + NS + " name='A' " + attributes + "><resource/></api>"));
        assertEquals("api.xml:" + where + ": " + message, e.toProblem().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "methods='GET FETCH'                        | 'FETCH' in attribute 'methods' is not an HTTP method; expected"
                + " GET, POST, PUT, DELETE, HEAD, OPTIONS or PATCH",
        "uri-template='/a' url-mapping='/b'         | a resource has either 'uri-template' or 'url-mapping', not both",
        "uri-template='/a/{id'                      | uri-template '/a/{id' has an unclosed '{'",
        "url-mapping='/a/*/b'                       | url-mapping '/a/*/b' must be an exact path (/list), a path prefix"
                + " (/orders/*), an extension (*.xml) or /",
        "protocol='ftp'                             | attribute 'protocol' must be http or https, not 'ftp'",
        "user-agent='(unclosed'                     | attribute 'user-agent' is not a regular expression: Unclosed"
                + " group",
    })
    void rejectsBadResourcesAtTheResource(String attributes, String message) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> read("<api " + NS + " name='A' context='/a'>\n  <resource/>\n  <resource " + attributes
                        + "/>\n</api>"));
        assertEquals("api.xml:3:3: " + message, e.toProblem().toString());
    }

    @Test
    void lowerCaseMethodsAreAccepted() {
        assertEquals(Set.of("GET", "DELETE"), read("<api " + NS + " name='A' context='/a'><resource"
                + " methods='get,delete'/></api>").resources().get(0).methods());
    }

    @Test
    void rejectsHandlersAndEmptyApis() {
        ConfigException handlers = assertThrows(ConfigException.class, () -> read("<api " + NS
                + " name='A' context='/a'>\n<resource/>\n<handlers><handler class='x.Y'/></handlers></api>"));
        assertEquals("api.xml:3:1: API handlers are not supported; move their logic into the resources' sequences",
                handlers.toProblem().toString());
        ConfigException empty = assertThrows(ConfigException.class,
                () -> read("<api " + NS + " name='A' context='/a'/>"));
        assertEquals("api.xml:1:1: API 'A' needs at least one <resource>", empty.toProblem().toString());
    }

    @Test
    void rejectsInlineAndKeyedSequenceTogether() {
        ConfigException e = assertThrows(ConfigException.class, () -> read("<api " + NS
                + " name='A' context='/a'><resource inSequence='x'>\n<inSequence/></resource></api>"));
        assertEquals("api.xml:2:1: <inSequence> is given both inline and as attribute 'inSequence'",
                e.toProblem().toString());
    }
}
