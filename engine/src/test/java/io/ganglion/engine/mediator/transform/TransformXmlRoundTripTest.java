package io.ganglion.engine.mediator.transform;

import static io.ganglion.engine.mediator.transform.TransformTesting.NS;
import static io.ganglion.engine.mediator.transform.TransformTesting.assertSimilar;
import static io.ganglion.engine.mediator.transform.TransformTesting.read;
import static io.ganglion.engine.mediator.transform.TransformTesting.write;

import io.ganglion.engine.mediator.Mediator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TransformXmlRoundTripTest {

    static Stream<String> configurations() {
        return Stream.of(
                """
                <payloadFactory %s media-type="xml">
                  <format><m:req xmlns:m="urn:m"><m:id>$1</m:id><m:n a="$2">$3</m:n></m:req></format>
                  <args><arg expression="//id"/><arg value="v"/><arg xmlns:p="urn:p" expression="//p:x" literal="true"/></args>
                </payloadFactory>""",
                """
                <payloadFactory %s media-type="json" template-type="default">
                  <format>{"id": "$1", "n": $2}</format>
                  <args><arg value="a"/><arg evaluator="xml" expression="//n"/></args>
                </payloadFactory>""",
                "<payloadFactory %s><format key=\"fmt\"/></payloadFactory>",
                """
                <enrich %s>
                  <source clone="false" type="custom" xmlns:o="urn:o" xpath="//o:a"/>
                  <target action="child" type="custom" xpath="//b"/>
                </enrich>""",
                """
                <enrich %s><source type="inline"><x xmlns="urn:x">1</x></source><target type="property" property="p"/></enrich>""",
                """
                <enrich %s><source type="inline">plain text</source><target action="sibling" type="body"/></enrich>""",
                """
                <enrich %s><source type="inline" key="entry"/><target type="envelope"/></enrich>""",
                """
                <enrich %s><source type="property" property="p"/><target type="property" property="q"/></enrich>""",
                """
                <makefault %s version="soap11" response="true">
                  <code xmlns:soap11Env="http://schemas.xmlsoap.org/soap/envelope/" value="soap11Env:Client"/>
                  <reason value="bad"/>
                  <role>urn:r</role>
                  <detail>d</detail>
                </makefault>""",
                """
                <makefault %s version="soap12">
                  <code xmlns:soap12Env="http://www.w3.org/2003/05/soap-envelope" value="soap12Env:Receiver"/>
                  <reason expression="//msg"/>
                  <node>urn:n</node>
                  <detail><e xmlns="urn:e">x</e></detail>
                </makefault>""",
                """
                <makefault %s version="pox">
                  <code xmlns:soap11Env="http://schemas.xmlsoap.org/soap/envelope/" value="soap11Env:Server"/>
                  <reason value="r"/><detail expression="//d"/>
                </makefault>""",
                """
                <xslt %s key="style" source="//a" target="out">
                  <property name="p1" value="v"/>
                  <property name="p2" expression="//b"/>
                  <feature name="http://ws.apache.org/ns/synapse/transform/feature/dom" value="true"/>
                  <resource location="common.xsl" key="common"/>
                </xslt>""",
                "<xslt %s key=\"{//which}\"/>",
                """
                <clone %s id="c" sequential="true" continueParent="true">
                  <target to="http://a" soapAction="urn:a" sequence="s1"/>
                  <target endpoint="ep"/>
                  <target>
                    <sequence>
                      <payloadFactory><format><a xmlns="">1</a></format></payloadFactory>
                    </sequence>
                  </target>
                </clone>""",
                """
                <iterate %s xmlns:o="urn:o" id="i" expression="//o:item" preservePayload="true" attachPath="//o:items"
                         sequential="true" continueParent="true">
                  <target sequence="each"/>
                </iterate>""",
                """
                <aggregate %s id="c">
                  <correlateOn expression="//k"/>
                  <completeCondition timeout="10"><messageCount min="-1" max="3"/></completeCondition>
                  <onComplete expression="//v" enclosingElementProperty="wrap">
                    <payloadFactory><format><done xmlns=""/></format></payloadFactory>
                  </onComplete>
                </aggregate>""",
                "<aggregate %s><onComplete expression=\"//v\" sequence=\"done\"/></aggregate>",
                """
                <class %s name="io.ganglion.engine.mediator.transform.GreetingMediator">
                  <property name="greeting" value="hi"/>
                  <property name="config"><c xmlns="urn:c"/></property>
                </class>""")
                .map(x -> x.formatted(NS));
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void readThenWriteGivesSimilarXml(String xml) {
        Mediator m = read(xml);
        String written = write(m);
        assertSimilar(xml, written);
        assertSimilar(written, write(read(written)));
    }
}
