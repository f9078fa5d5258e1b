package io.ganglion.bench;

import io.ganglion.engine.Engine;
import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.spi.InboundExchange;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.OutboundResponse;
import io.ganglion.engine.spi.RawBody;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine's own cost per request, without sockets: dispatch, the in and out sequences, building
 * the outbound request and the client response, for a pass-through API and for one that reads and
 * rewrites a JSON body. The sender answers at once and workers run inline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

    private static final byte[] ANSWER = "{\"id\":42,\"status\":\"shipped\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] REQUEST = "{\"order\":{\"id\":42,\"items\":[1,2,3]}}".getBytes(StandardCharsets.UTF_8);

    private Engine engine;

    @Setup
    public void setup() {
        Configuration cfg = Repositories.load("""
                <api xmlns="http://ws.apache.org/ns/synapse" name="Pass" context="/pass">
                  <resource methods="GET POST" url-mapping="/*">
                    <inSequence><send><endpoint><address uri="http://backend:9000/"/></endpoint></send></inSequence>
                    <outSequence><send/></outSequence>
                  </resource>
                </api>""", """
                <api xmlns="http://ws.apache.org/ns/synapse" name="Json" context="/json">
                  <resource methods="POST" uri-template="/orders/{id}">
                    <inSequence>
                      <property name="orderId" expression="json-eval($.order.id)"/>
                      <payloadFactory media-type="json">
                        <format>{"lookup":"$1","by":"$2"}</format>
                        <args>
                          <arg expression="get-property('orderId')"/>
                          <arg expression="get-property('uri.var.id')"/>
                        </args>
                      </payloadFactory>
                      <send><endpoint><http method="post" uri-template="http://backend:9000/o/{uri.var.id}"/></endpoint></send>
                    </inSequence>
                    <outSequence><send/></outSequence>
                  </resource>
                </api>""");
        engine = new Engine(() -> cfg, (request, callback) -> callback.onResponse(new InboundResponse(200, "OK",
                new Headers().set("Content-Type", "application/json"), RawBody.of(ANSWER, "application/json"))),
                Runnable::run, Clock.systemUTC(), 1 << 20);
    }

    @Benchmark
    public void passThrough(Blackhole bh) {
        Exchange ex = new Exchange("GET", "/pass/items/7", RawBody.empty(), bh);
        engine.accept(ex);
    }

    @Benchmark
    public void jsonReadAndRewrite(Blackhole bh) {
        Exchange ex = new Exchange("POST", "/json/orders/42", RawBody.of(REQUEST, "application/json"), bh);
        engine.accept(ex);
    }

    /** A request that hands its response to the blackhole. */
    private static final class Exchange implements InboundExchange {
        private final String method;
        private final String uri;
        private final RawBody body;
        private final Headers headers;
        private final Blackhole bh;

        Exchange(String method, String uri, RawBody body, Blackhole bh) {
            this.method = method;
            this.uri = uri;
            this.body = body;
            this.bh = bh;
            this.headers = new Headers().set("Host", "gateway").set("Accept", "application/json");
            if (body.contentType() != null) {
                headers.set("Content-Type", body.contentType());
            }
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public String uri() {
            return uri;
        }

        @Override
        public String scheme() {
            return "http";
        }

        @Override
        public String protocol() {
            return "HTTP/1.1";
        }

        @Override
        public Headers headers() {
            return headers;
        }

        @Override
        public RawBody body() {
            return body;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return null;
        }

        @Override
        public int localPort() {
            return 8280;
        }

        @Override
        public void respond(OutboundResponse response) {
            bh.consume(response);
        }
    }
}
