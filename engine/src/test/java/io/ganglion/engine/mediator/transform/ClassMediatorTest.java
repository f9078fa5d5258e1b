package io.ganglion.engine.mediator.transform;

import static io.ganglion.engine.mediator.transform.TransformTesting.NS;
import static io.ganglion.engine.mediator.transform.TransformTesting.read;
import static io.ganglion.engine.mediator.transform.TransformTesting.readError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import org.junit.jupiter.api.Test;

class ClassMediatorTest {

    private static final String NAME = GreetingMediator.class.getName();

    @Test
    void createsTheClassOnceAndCallsItsSetters() {
        ClassMediator m = read("""
                <class %s name="%s">
                  <property name="greeting" value="hey"/>
                  <property name="times" value="2"/>
                  <property name="config"><cfg xmlns="urn:c"><a>1</a></cfg></property>
                </class>""".formatted(NS, NAME));
        GreetingMediator user = assertInstanceOf(GreetingMediator.class, m.instance());
        assertEquals(1, user.greetingCalls());
        assertEquals("cfg", user.config().getLocalName());
        MessageContext ctx = new MediationHarness().request();
        assertTrue(m.mediate(ctx));
        m.mediate(ctx);
        assertEquals("heyhey", ctx.getProperty("greeting"));
        assertEquals(1, user.greetingCalls());
        assertTrue(m.readsBody());
    }

    @Test
    void anUnknownClassIsALocatedError() {
        ConfigException e = readError("""
                <sequence %s>
                  <class name="com.example.Missing"/>
                </sequence>""".formatted(NS).replace("<sequence " + NS + ">\n  ", "").replace("\n</sequence>", "")
                .replace("<class ", "<class " + NS + " "));
        assertTrue(e.getMessage().contains("com.example.Missing"), e.getMessage());
        assertEquals("test.xml", e.location().file());
    }

    @Test
    void theClassMustBeAMediator() {
        ConfigException e = readError("<class %s name=\"java.lang.StringBuilder\"/>".formatted(NS));
        assertTrue(e.getMessage().contains("does not implement"), e.getMessage());
    }

    @Test
    void aPropertyWithoutSetterIsALocatedError() {
        ConfigException e = readError("""
                <class %s name="%s">
                  <property name="colour" value="red"/>
                </class>""".formatted(NS, NAME));
        assertTrue(e.getMessage().contains("setColour"), e.getMessage());
        assertEquals(2, e.location().line());
    }

    @Test
    void aBadNumberIsALocatedError() {
        ConfigException e = readError("""
                <class %s name="%s"><property name="times" value="twice"/></class>""".formatted(NS, NAME));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void nameIsRequired() {
        readError("<class %s/>".formatted(NS));
    }
}
