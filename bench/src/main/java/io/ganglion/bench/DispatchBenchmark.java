package io.ganglion.bench;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.rest.Dispatch;
import io.ganglion.engine.runtime.Exchange;
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

/** Matching a request against 50 APIs of 4 resources each (uri-templates and url-mappings). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatchBenchmark {

    private Configuration cfg;

    @Setup
    public void setup() {
        String[] apis = new String[50];
        for (int i = 0; i < apis.length; i++) {
            apis[i] = """
                    <api xmlns="http://ws.apache.org/ns/synapse" name="Api%1$d" context="/api%1$d" version="v1" version-type="url">
                      <resource methods="GET" uri-template="/orders/{id}"><inSequence><drop/></inSequence></resource>
                      <resource methods="POST" uri-template="/orders"><inSequence><drop/></inSequence></resource>
                      <resource methods="GET" uri-template="/orders/{id}/items/{item}?expand={e}"><inSequence><drop/></inSequence></resource>
                      <resource methods="GET PUT" url-mapping="/files/*"><inSequence><drop/></inSequence></resource>
                    </api>""".formatted(i);
        }
        cfg = Repositories.load(apis);
    }

    @Benchmark
    public Dispatch uriTemplateWithQuery() {
        MessageContext ctx = new MessageContext(cfg, null, new Exchange(null));
        return cfg.apiDispatcher().dispatch(ctx, "GET", "/api37/v1/orders/42/items/7", "expand=all", "gw", 8280);
    }

    @Benchmark
    public Dispatch urlMapping() {
        MessageContext ctx = new MessageContext(cfg, null, new Exchange(null));
        return cfg.apiDispatcher().dispatch(ctx, "GET", "/api12/v1/files/a/b/c.txt", null, "gw", 8280);
    }
}
