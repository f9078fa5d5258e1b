package io.ganglion.engine.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.testing.MediationHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApiDispatcherTest {

    private final MediationHarness harness = new MediationHarness();

    private static Api api(String xml) {
        ReadContext ctx = ReadContext.forText("api.xml", xml);
        return ApiXml.read(ctx.root(), ctx);
    }

    private static ApiDispatcher dispatcher(String... apis) {
        List<Api> list = new ArrayList<>();
        for (String xml : apis) {
            list.add(api(xml));
        }
        return new ApiDispatcher(list);
    }

    private static String simple(String name, String context) {
        return "<api xmlns='http://ws.apache.org/ns/synapse' name='" + name + "' context='" + context + "'>"
                + "<resource/></api>";
    }

    private Dispatch dispatch(ApiDispatcher d, MessageContext ctx, String method, String uri) {
        int q = uri.indexOf('?');
        return d.dispatch(ctx, method, q < 0 ? uri : uri.substring(0, q), q < 0 ? null : uri.substring(q + 1),
                "localhost", 8280);
    }

    private Dispatch dispatch(ApiDispatcher d, String method, String uri) {
        return dispatch(d, harness.request(), method, uri);
    }

    private static String apiOf(Dispatch d) {
        return assertInstanceOf(Dispatch.Matched.class, d).api().name();
    }

    @Nested
    class ApiSelection {
        private final ApiDispatcher d = dispatcher(simple("Orders", "/orders"), simple("Special", "/orders/special"),
                simple("Root", "/"), simple("Deep", "/a/b/c/"));

        @Test
        void longestContextWins() {
            assertEquals("Special", apiOf(dispatch(d, "GET", "/orders/special/1")));
            assertEquals("Special", apiOf(dispatch(d, "GET", "/orders/special")));
            assertEquals("Orders", apiOf(dispatch(d, "GET", "/orders/1")));
            assertEquals("Orders", apiOf(dispatch(d, "GET", "/orders")));
            assertEquals("Orders", apiOf(dispatch(d, "GET", "/orders?x=1")));
            assertEquals("Deep", apiOf(dispatch(d, "GET", "/a/b/c/d")));
        }

        @Test
        void contextMatchesWholeSegmentsOnly() {
            assertEquals("Root", apiOf(dispatch(d, "GET", "/ordersX")));
            assertEquals("Orders", apiOf(dispatch(d, "GET", "/orders/specialX")));
        }

        @Test
        void rootContextIsTheFallback() {
            assertEquals("Root", apiOf(dispatch(d, "GET", "/elsewhere")));
            assertEquals("Root", apiOf(dispatch(d, "GET", "/")));
        }

        @Test
        void noApiWithoutAMatchingContext() {
            ApiDispatcher only = dispatcher(simple("Orders", "/orders"));
            assertSame(Dispatch.NO_API, dispatch(only, "GET", "/other"));
            assertSame(Dispatch.NO_API, dispatch(only, "GET", "/services/Proxy"));
            assertSame(Dispatch.NO_API, dispatch(new ApiDispatcher(List.of()), "GET", "/"));
        }

        @Test
        void hostnamePortAndTransportFilter() {
            ApiDispatcher bound = dispatcher("<api xmlns='http://ws.apache.org/ns/synapse' name='Bound' context='/b'"
                    + " hostname='api.example.com' port='8443' transport='https'><resource/></api>");
            MessageContext ctx = harness.request();
            ctx.setAxis2Property("TRANSPORT_IN", "https");
            assertEquals("Bound", apiOf(bound.dispatch(ctx, "GET", "/b/x", null, "API.example.com", 8443)));
            assertSame(Dispatch.NO_API, bound.dispatch(ctx, "GET", "/b/x", null, "other.example.com", 8443));
            assertSame(Dispatch.NO_API, bound.dispatch(ctx, "GET", "/b/x", null, "api.example.com", 8280));
            MessageContext plain = harness.request();
            plain.setAxis2Property("TRANSPORT_IN", "http");
            assertSame(Dispatch.NO_API, bound.dispatch(plain, "GET", "/b/x", null, "api.example.com", 8443));
        }
    }

    @Nested
    class Versions {
        private final ApiDispatcher d = dispatcher(
                "<api xmlns='http://ws.apache.org/ns/synapse' name='Stock' context='/stock' version='1.0'"
                        + " version-type='url'><resource uri-template='/quote/{sym}'/></api>",
                "<api xmlns='http://ws.apache.org/ns/synapse' name='Stock' context='/stock' version='2.0'"
                        + " version-type='url'><resource uri-template='/quote/{sym}'/></api>",
                "<api xmlns='http://ws.apache.org/ns/synapse' name='Ctx' context='/{version}/ctx' version='3'"
                        + " version-type='context'><resource/></api>");

        @Test
        void urlVersionFollowsTheContext() {
            MessageContext ctx = harness.request();
            assertEquals("Stock:v2.0", apiOf(dispatch(d, ctx, "GET", "/stock/2.0/quote/IBM?x=1")));
            assertEquals("Stock:v2.0", ctx.getProperty(StandardProperties.SYNAPSE_REST_API));
            assertEquals("2.0", ctx.getProperty(StandardProperties.SYNAPSE_REST_API_VERSION));
            assertEquals("/stock", ctx.getProperty(StandardProperties.REST_API_CONTEXT));
            assertEquals("/quote/IBM?x=1", ctx.getAxis2Property(StandardProperties.REST_URL_POSTFIX));
            assertEquals("IBM", ctx.getProperty("uri.var.sym"));
            assertEquals("Stock:v1.0", apiOf(dispatch(d, "GET", "/stock/1.0/quote/IBM")));
            assertSame(Dispatch.NO_API, dispatch(d, "GET", "/stock/quote/IBM"));
            assertSame(Dispatch.NO_API, dispatch(d, "GET", "/stock/3.0/quote/IBM"));
        }

        @Test
        void contextVersionReplacesThePlaceholder() {
            MessageContext ctx = harness.request();
            assertEquals("Ctx:v3", apiOf(dispatch(d, ctx, "GET", "/3/ctx/items")));
            assertEquals("/3/ctx", ctx.getProperty(StandardProperties.REST_API_CONTEXT));
            assertEquals("/items", ctx.getAxis2Property(StandardProperties.REST_URL_POSTFIX));
            assertSame(Dispatch.NO_API, dispatch(d, "GET", "/ctx/items"));
        }
    }

    @Nested
    class Resources {
        private final ApiDispatcher d = dispatcher("<api xmlns='http://ws.apache.org/ns/synapse' name='Orders'"
                + " context='/orders'>"
                + "<resource methods='GET' uri-template='/{id}'/>"
                + "<resource methods='OPTIONS GET' uri-template='/special'/>"
                + "<resource methods='POST' url-mapping='/new'/>"
                + "<resource methods='PUT DELETE' url-mapping='/bulk/*'/>"
                + "</api>");

        @Test
        void methodNotAllowedListsWhatThePathAllows() {
            Dispatch r = dispatch(d, "DELETE", "/orders/5");
            assertEquals(Set.of("GET", "HEAD", "OPTIONS"),
                    assertInstanceOf(Dispatch.MethodNotAllowed.class, r).allowed());
            Dispatch bulk = dispatch(d, "GET", "/orders/bulk/1");
            assertEquals(List.of("PUT", "DELETE", "OPTIONS"),
                    List.copyOf(assertInstanceOf(Dispatch.MethodNotAllowed.class, bulk).allowed()));
        }

        @Test
        void headRunsTheGetResource() {
            Dispatch head = dispatch(d, "HEAD", "/orders/5");
            assertEquals(Set.of("GET"), assertInstanceOf(Dispatch.Matched.class, head).resource().methods());
            assertInstanceOf(Dispatch.MethodNotAllowed.class, dispatch(d, "HEAD", "/orders/bulk/1"));
        }

        @Test
        void noResourceWhenNoPathMatches() {
            Dispatch r = dispatch(d, "GET", "/orders/5/items");
            assertEquals("Orders", assertInstanceOf(Dispatch.NoResource.class, r).api().name());
        }

        @Test
        void optionsIsAnsweredUnlessAResourceListsIt() {
            Dispatch auto = dispatch(d, "OPTIONS", "/orders/5");
            assertEquals(List.of("GET", "HEAD", "OPTIONS"),
                    List.copyOf(assertInstanceOf(Dispatch.Options.class, auto).allowed()));
            Dispatch own = dispatch(d, "OPTIONS", "/orders/special");
            assertEquals("/special",
                    assertInstanceOf(Dispatch.Matched.class, own).resource().uriTemplate().toString());
            assertInstanceOf(Dispatch.NoResource.class, dispatch(d, "OPTIONS", "/orders/a/b/c"));
        }

        @Test
        void templatesMatchInDeclarationOrder() {
            Dispatch r = dispatch(d, "GET", "/orders/special");
            assertEquals("/{id}", assertInstanceOf(Dispatch.Matched.class, r).resource().uriTemplate().toString());
        }

        @Test
        void urlMappingsComeBeforeTemplates() {
            Dispatch r = dispatch(d, "POST", "/orders/new");
            assertEquals("/new", assertInstanceOf(Dispatch.Matched.class, r).resource().urlMapping().toString());
        }

        @Test
        void mostSpecificUrlMappingThatAllowsTheMethodWins() {
            ApiDispatcher m = dispatcher("<api xmlns='http://ws.apache.org/ns/synapse' name='M' context='/m'>"
                    + "<resource methods='GET' url-mapping='/*'/>"
                    + "<resource methods='GET' url-mapping='*.xml'/>"
                    + "<resource methods='GET' url-mapping='/items/*'/>"
                    + "<resource methods='POST' url-mapping='/items/list'/>"
                    + "<resource url-mapping='/'/>"
                    + "</api>");
            assertEquals("/items/*", mapping(dispatch(m, "GET", "/m/items/list")));
            assertEquals("/items/list", mapping(dispatch(m, "POST", "/m/items/list")));
            assertEquals("/*", mapping(dispatch(m, "GET", "/m/a.xml")));
            assertEquals("/", mapping(dispatch(m, "PUT", "/m/a.xml")));
        }

        private String mapping(Dispatch r) {
            return assertInstanceOf(Dispatch.Matched.class, r).resource().urlMapping().toString();
        }

        @Test
        void defaultResourceCatchesTheRest() {
            ApiDispatcher m = dispatcher("<api xmlns='http://ws.apache.org/ns/synapse' name='M' context='/m'>"
                    + "<resource methods='GET' uri-template='/a'/><resource methods='GET'/></api>");
            Dispatch r = dispatch(m, "GET", "/m/anything/else");
            assertNull(assertInstanceOf(Dispatch.Matched.class, r).resource().uriTemplate());
            assertInstanceOf(Dispatch.MethodNotAllowed.class, dispatch(m, "POST", "/m/x"));
        }
    }

    @Nested
    class Filters {
        private final ApiDispatcher d = dispatcher("<api xmlns='http://ws.apache.org/ns/synapse' name='F'"
                + " context='/f'>"
                + "<resource methods='POST' uri-template='/json' content-type='application/json'/>"
                + "<resource methods='GET' uri-template='/agent' user-agent='curl/.*'/>"
                + "<resource methods='GET' uri-template='/secure' protocol='https'/>"
                + "</api>");

        @Test
        void contentTypeIsCheckedWhenThereIsABody() {
            MessageContext json = harness.request("application/json; charset=UTF-8", "{}");
            assertInstanceOf(Dispatch.Matched.class, dispatch(d, json, "POST", "/f/json"));
            MessageContext xml = harness.request("text/xml", "<a/>");
            assertInstanceOf(Dispatch.NoResource.class, dispatch(d, xml, "POST", "/f/json"));
            assertInstanceOf(Dispatch.Matched.class, dispatch(d, harness.request(), "POST", "/f/json"));
        }

        @Test
        void userAgentIsARegularExpression() {
            MessageContext curl = harness.request();
            curl.headers().set("User-Agent", "curl/8.5.0");
            assertInstanceOf(Dispatch.Matched.class, dispatch(d, curl, "GET", "/f/agent"));
            MessageContext browser = harness.request();
            browser.headers().set("User-Agent", "Mozilla/5.0");
            assertInstanceOf(Dispatch.NoResource.class, dispatch(d, browser, "GET", "/f/agent"));
            assertInstanceOf(Dispatch.NoResource.class, dispatch(d, harness.request(), "GET", "/f/agent"));
        }

        @Test
        void protocolFiltersOnTheInboundScheme() {
            MessageContext https = harness.request();
            https.setAxis2Property("TRANSPORT_IN", "https");
            assertInstanceOf(Dispatch.Matched.class, dispatch(d, https, "GET", "/f/secure"));
            assertInstanceOf(Dispatch.NoResource.class, dispatch(d, harness.request(), "GET", "/f/secure"));
        }
    }

    @Nested
    class Properties {
        private final ApiDispatcher d = dispatcher("<api xmlns='http://ws.apache.org/ns/synapse' name='Orders'"
                + " context='/orders'><resource methods='GET' uri-template='/{id}'/><resource methods='GET'"
                + " uri-template='/'/></api>", simple("Root", "/"));

        @Test
        void setsTheRestPropertiesOnAMatch() {
            MessageContext ctx = harness.request();
            ctx.headers().set("Host", "gw.example.com:8280");
            dispatch(d, ctx, "GET", "/orders/J%C3%BCrgen%201?name=J%C3%BCrgen&x=a+b&x=second&flag");
            assertEquals("Orders", ctx.getProperty(StandardProperties.SYNAPSE_REST_API));
            assertEquals("", ctx.getProperty(StandardProperties.SYNAPSE_REST_API_VERSION));
            assertEquals("/orders", ctx.getProperty(StandardProperties.REST_API_CONTEXT));
            assertEquals("GET", ctx.getProperty(StandardProperties.REST_METHOD));
            assertEquals("/orders/J%C3%BCrgen%201?name=J%C3%BCrgen&x=a+b&x=second&flag",
                    ctx.getProperty(StandardProperties.REST_FULL_REQUEST_PATH));
            assertEquals("/J%C3%BCrgen%201?name=J%C3%BCrgen&x=a+b&x=second&flag",
                    ctx.getProperty(StandardProperties.REST_SUB_REQUEST_PATH));
            assertEquals("/J%C3%BCrgen%201?name=J%C3%BCrgen&x=a+b&x=second&flag",
                    ctx.getAxis2Property(StandardProperties.REST_URL_POSTFIX));
            assertEquals("http://gw.example.com:8280", ctx.getProperty(StandardProperties.REST_URL_PREFIX));
            assertEquals("GET /{id}", ctx.getProperty(StandardProperties.SYNAPSE_RESOURCE));
            assertEquals("Jürgen 1", ctx.getProperty("uri.var.id"));
            assertEquals("Jürgen", ctx.getProperty("query.param.name"));
            assertEquals("a b", ctx.getProperty("query.param.x"));
            assertEquals("", ctx.getProperty("query.param.flag"));
        }

        @Test
        void postfixIsEmptyWhenNothingFollowsTheContext() {
            MessageContext ctx = harness.request();
            dispatch(d, ctx, "GET", "/orders");
            assertEquals("", ctx.getAxis2Property(StandardProperties.REST_URL_POSTFIX));
            assertEquals("/", ctx.getProperty(StandardProperties.REST_SUB_REQUEST_PATH));
            MessageContext q = harness.request();
            dispatch(d, q, "GET", "/orders?a=1");
            assertEquals("?a=1", q.getAxis2Property(StandardProperties.REST_URL_POSTFIX));
            assertEquals("1", q.getProperty("query.param.a"));
        }

        @Test
        void rootContextKeepsTheWholePath() {
            MessageContext ctx = harness.request();
            dispatch(d, ctx, "GET", "/x/y?z=1");
            assertEquals("/x/y?z=1", ctx.getAxis2Property(StandardProperties.REST_URL_POSTFIX));
            assertEquals("/", ctx.getProperty(StandardProperties.REST_API_CONTEXT));
        }

        @Test
        void noResourceSetsApiPropertiesOnly() {
            MessageContext ctx = harness.request();
            dispatch(d, ctx, "GET", "/orders/1/2?q=1");
            assertEquals("Orders", ctx.getProperty(StandardProperties.SYNAPSE_REST_API));
            assertNull(ctx.getProperty(StandardProperties.SYNAPSE_RESOURCE));
            assertNull(ctx.getProperty("query.param.q"));
        }
    }
}
