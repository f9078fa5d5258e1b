package io.ganglion.engine.proxy;

import io.ganglion.engine.config.Location;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.runtime.MediationFlow;
import java.util.Set;

/**
 * A proxy service served at {@code /services/{name}}: {@code <proxy name transports><target>...</target>
 * [<publishWSDL>]</proxy>}.
 *
 * @param name the service name
 * @param transports transports it is exposed on (http, https)
 * @param inSequence request sequence, or null
 * @param outSequence response sequence, or null
 * @param faultSequence fault sequence, or null
 * @param endpoint target endpoint, or null
 * @param wsdl the published WSDL document text, or null
 * @param location where it was defined
 */
public record ProxyService(String name, Set<String> transports, Mediator inSequence, Mediator outSequence,
        Mediator faultSequence, Endpoint endpoint, String wsdl, Location location) implements MediationFlow {

    @Override
    public String flowName() {
        return "proxy:" + name;
    }
}
