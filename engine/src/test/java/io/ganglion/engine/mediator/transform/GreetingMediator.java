package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import org.apache.axiom.om.OMElement;

/** A user mediator for the class mediator tests: configured by setters, writes a property. */
public class GreetingMediator implements Mediator {

    private String greeting = "hello";
    private int times = 1;
    private OMElement config;
    private int greetingCalls;

    public void setGreeting(String greeting) {
        this.greeting = greeting;
        greetingCalls++;
    }

    public void setTimes(int times) {
        this.times = times;
    }

    public void setConfig(OMElement config) {
        this.config = config;
    }

    public int greetingCalls() {
        return greetingCalls;
    }

    public OMElement config() {
        return config;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        ctx.setProperty("greeting", greeting.repeat(times));
        return true;
    }
}
