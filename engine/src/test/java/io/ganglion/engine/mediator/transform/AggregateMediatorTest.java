package io.ganglion.engine.mediator.transform;

import static io.ganglion.engine.mediator.transform.TransformTesting.NS;
import static io.ganglion.engine.mediator.transform.TransformTesting.assertSimilar;
import static io.ganglion.engine.mediator.transform.TransformTesting.body;
import static io.ganglion.engine.mediator.transform.TransformTesting.read;
import static io.ganglion.engine.mediator.transform.TransformTesting.readError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Payload;
import io.ganglion.engine.message.format.MessageBuilder;
import io.ganglion.engine.testing.MediationHarness;
import io.ganglion.engine.xpath.SynapseXPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AggregateMediatorTest {

    private final List<MessageContext> completed = Collections.synchronizedList(new ArrayList<>());
    private final MediationHarness harness = new MediationHarness(Configuration.builder()
            .sequence(new Sequence("done", null, List.of(completed::add), null)).build());

    /** Responses to {@code n} split copies of one request, the way clone/iterate tag them. */
    private List<MessageContext> responses(String id, int n) {
        MessageContext parent = harness.request();
        List<MessageContext> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MessageContext c = parent.copy();
            Splits.tag(c, id, parent.getMessageId(), i, n);
            c.setPayload(Payload.of(MessageBuilder.build(("<r><v>" + (i + 1) + "</v></r>")
                    .getBytes(StandardCharsets.UTF_8), "application/xml")));
            c.setResponse(true);
            out.add(c);
        }
        return out;
    }

    @Test
    void mergesAllResponsesIntoTheFirst() {
        AggregateMediator m = read("""
                <aggregate %s><onComplete expression="//v" sequence="done"/></aggregate>""".formatted(NS));
        List<MessageContext> rs = responses(null, 3);
        for (MessageContext r : rs) {
            assertFalse(m.mediate(r));
        }
        assertEquals(1, completed.size());
        assertSame(rs.get(0), completed.get(0));
        assertSimilar("<r><v>1</v><v>2</v><v>3</v></r>", body(completed.get(0)));
    }

    @Test
    void lateResponsesAreDropped() {
        AggregateMediator m = read("""
                <aggregate %s id="x"><completeCondition><messageCount max="2"/></completeCondition>
                  <onComplete expression="//v" sequence="done"/></aggregate>""".formatted(NS));
        List<MessageContext> rs = responses("x", 3);
        rs.forEach(m::mediate);
        assertEquals(1, completed.size());
        assertSimilar("<r><v>1</v><v>2</v></r>", body(completed.get(0)));
    }

    @Test
    void enclosingElementWrapsEveryMatch() {
        AggregateMediator m = read("""
                <aggregate %s><onComplete expression="//r" enclosingElementProperty="wrap" sequence="done"/></aggregate>"""
                .formatted(NS));
        List<MessageContext> rs = responses(null, 2);
        rs.get(0).setProperty("wrap", XmlSupport.parse("<all xmlns='urn:all'/>"));
        rs.forEach(m::mediate);
        assertSimilar("<all xmlns='urn:all'><r xmlns=''><v>1</v></r><r xmlns=''><v>2</v></r></all>",
                body(completed.get(0)));
    }

    @Test
    void completesWithWhatArrivedWhenTheTimeoutPasses() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        List<MessageContext> got = new ArrayList<>();
        AggregateMediator m = new AggregateMediator(null, null,
                new AggregateMediator.Completion(Duration.ofMillis(100), null, null),
                new AggregateMediator.OnComplete(SynapseXPath.compile("//v", Map.of()),
                        Sequence.anonymous(List.of(c -> {
                            got.add(c);
                            done.countDown();
                            return true;
                        })), null));
        List<MessageContext> rs = responses(null, 3);
        m.mediate(rs.get(0));
        m.mediate(rs.get(1));
        assertTrue(done.await(5, TimeUnit.SECONDS), "the timeout completes the aggregation");
        assertSimilar("<r><v>1</v><v>2</v></r>", body(got.get(0)));
        assertFalse(m.mediate(rs.get(2)), "a response after the timeout is dropped");
        assertEquals(1, got.size());
    }

    @Test
    void concurrentResponsesCompleteExactlyOnce() throws Exception {
        AggregateMediator m = read("""
                <aggregate %s id="p"><onComplete expression="//v" sequence="done"/></aggregate>""".formatted(NS));
        List<MessageContext> rs = responses("p", 40);
        rs.forEach(r -> r.payload().envelope());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (MessageContext r : rs) {
                fs.add(pool.submit(() -> m.mediate(r)));
            }
            for (Future<Boolean> f : fs) {
                assertFalse(f.get(5, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, completed.size());
        assertEquals(40, countV(completed.get(0)));
    }

    private static int countV(MessageContext ctx) {
        int n = 0;
        for (var it = ctx.payload().firstElement().getChildElements(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    @Test
    void separateExchangesNeverMerge() {
        AggregateMediator m = read("""
                <aggregate %s><onComplete expression="//v" sequence="done"/></aggregate>""".formatted(NS));
        List<MessageContext> a = responses(null, 2);
        List<MessageContext> b = responses(null, 2);
        m.mediate(a.get(0));
        m.mediate(b.get(0));
        m.mediate(a.get(1));
        assertEquals(1, completed.size());
        assertSame(a.get(0), completed.get(0));
    }

    @Test
    void messagesWithoutCorrelationPassThrough() {
        AggregateMediator m = read("""
                <aggregate %s><onComplete expression="//v" sequence="done"/></aggregate>""".formatted(NS));
        assertTrue(m.mediate(harness.request()));
        assertTrue(completed.isEmpty());
    }

    @Test
    void correlateOnGroupsMessagesHavingAMatch() {
        AggregateMediator m = read("""
                <aggregate %s><correlateOn expression="//v"/>
                  <completeCondition><messageCount min="2"/></completeCondition>
                  <onComplete expression="//v" sequence="done"/></aggregate>""".formatted(NS));
        MessageContext parent = harness.request();
        MessageContext one = parent.copy();
        one.setPayload(Payload.of(MessageBuilder.build("<r><v>a</v></r>".getBytes(StandardCharsets.UTF_8), "application/xml")));
        MessageContext two = parent.copy();
        two.setPayload(Payload.of(MessageBuilder.build("<r><v>b</v></r>".getBytes(StandardCharsets.UTF_8), "application/xml")));
        MessageContext none = parent.copy();
        none.setPayload(Payload.of(MessageBuilder.build("<r/>".getBytes(StandardCharsets.UTF_8), "application/xml")));
        assertTrue(m.mediate(none));
        assertFalse(m.mediate(one));
        assertFalse(m.mediate(two));
        assertSimilar("<r><v>a</v><v>b</v></r>", body(completed.get(0)));
    }

    @Test
    void onCompleteIsRequired() {
        assertTrue(readError("<aggregate %s/>".formatted(NS)).getMessage().contains("<onComplete>"));
    }

    @Test
    void countsMustBeNumbers() {
        readError("""
                <aggregate %s><completeCondition><messageCount max="many"/></completeCondition>
                  <onComplete expression="//v"/></aggregate>""".formatted(NS));
    }
}
