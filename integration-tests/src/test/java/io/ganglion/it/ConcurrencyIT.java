package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many clients at once through flows that read, call, transform and pass bodies through: every
 * answer must belong to its own request (no message sees another's state). Bounded: 2,000
 * requests, at most 60 s.
 */
class ConcurrencyIT {

    private static final int CLIENTS = 40;
    private static final int REQUESTS_PER_CLIENT = 50;
    private static final Pattern ID = Pattern.compile("\"id\":\"?([a-z0-9-]+)\"?");

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyAnswerBelongsToItsRequest() throws Exception {
        try (Backend backend = Backend.start(r -> {
            Matcher m = ID.matcher(r.body().isEmpty() ? r.uri() : r.body());
            String id = m.find() ? m.group(1) : r.uri().substring(r.uri().lastIndexOf('/') + 1);
            return Backend.Reply.json("{\"id\":\"" + id + "\",\"seen\":\"" + r.method() + "\"}");
        })) {
            TestRepo repo = TestRepo.create().api("Mix", """
                    <api xmlns="http://ws.apache.org/ns/synapse" name="Mix" context="/mix">
                      <resource methods="POST" uri-template="/transform">
                        <inSequence>
                          <property name="clientId" expression="json-eval($.id)"/>
                          <!-- After call, the transport headers are the backend's: keep the client's header. -->
                          <property name="client" expression="$trp:X-Client"/>
                          <call><endpoint><http method="post" uri-template="%1$s/lookup"/></endpoint></call>
                          <payloadFactory media-type="json">
                            <format>{"id":"$1","backend":"$2","client":"$3"}</format>
                            <args>
                              <arg expression="get-property('clientId')"/>
                              <arg expression="json-eval($.id)"/>
                              <arg expression="get-property('client')"/>
                            </args>
                          </payloadFactory>
                          <respond/>
                        </inSequence>
                      </resource>
                      <resource methods="GET" uri-template="/pass/{id}">
                        <inSequence>
                          <send><endpoint><http method="get" uri-template="%1$s/items/{uri.var.id}"/></endpoint></send>
                        </inSequence>
                        <outSequence>
                          <property name="X-Item" expression="get-property('uri.var.id')" scope="transport"/>
                          <send/>
                        </outSequence>
                      </resource>
                    </api>""".formatted(backend.url("")));
            try (Gateway gw = Gateway.start(repo)) {
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                try {
                    List<Future<Integer>> results = new ArrayList<>();
                    for (int c = 0; c < CLIENTS; c++) {
                        int client = c;
                        results.add(clients.submit(() -> run(gw, client)));
                    }
                    int ok = 0;
                    for (Future<Integer> f : results) {
                        ok += f.get(60, TimeUnit.SECONDS);
                    }
                    assertEquals(CLIENTS * REQUESTS_PER_CLIENT, ok);
                } finally {
                    clients.shutdownNow();
                }
            }
        }
    }

    private static int run(Gateway gw, int client) {
        int ok = 0;
        for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
            String id = "c" + client + "-" + i;
            if (i % 2 == 0) {
                HttpResponse<String> r = Http.post(gw.url("/mix/transform"), "application/json",
                        "{\"id\":\"" + id + "\",\"pad\":\"" + "x".repeat(i * 20) + "\"}", "X-Client", "client-" + client);
                assertEquals(200, r.statusCode(), r.body());
                String body = r.body().replace(" ", "");
                assertTrue(body.contains("\"id\":\"" + id + "\""), id + " got " + body);
                assertTrue(body.contains("\"backend\":\"" + id + "\""), id + " got " + body);
                assertTrue(body.contains("\"client\":\"client-" + client + "\""), id + " got " + body);
            } else {
                HttpResponse<String> r = Http.get(gw.url("/mix/pass/" + id));
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.body().contains("\"id\":\"" + id + "\""), id + " got " + r.body());
                assertEquals(id, r.headers().firstValue("X-Item").orElse(""), id);
            }
            ok++;
        }
        return ok;
    }
}
