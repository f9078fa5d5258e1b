package io.ganglion.engine.rest;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.runtime.MediationFlow;
import java.util.Set;

/**
 * A resource of an API: {@code <resource methods uri-template|url-mapping>} with its sequences.
 *
 * @param apiName owning API's name
 * @param methods allowed methods (upper case); empty means all
 * @param uriTemplate RFC 6570 template text, or null
 * @param urlMapping servlet-style mapping, or null
 * @param inSequence request sequence
 * @param outSequence response sequence
 * @param faultSequence fault sequence
 */
public record Resource(String apiName, Set<String> methods, String uriTemplate, String urlMapping,
        Mediator inSequence, Mediator outSequence, Mediator faultSequence) implements MediationFlow {

    @Override
    public String flowName() {
        return "api:" + apiName;
    }
}
