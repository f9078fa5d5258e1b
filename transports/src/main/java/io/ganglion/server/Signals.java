package io.ganglion.server;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action on SIGTERM and SIGINT instead of the JVM's default exit, so that a graceful stop
 * ends with status 0 rather than 143/130. Uses {@code sun.misc.Signal} reflectively (no compile-time
 * dependency on an internal API); without it, falls back to a shutdown hook.
 * Thread-safe: install once at startup.
 */
final class Signals {

    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {}

    static void onTermination(Runnable action) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerType},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            LOG.info("received SIG{}; stopping", args[0] == null ? "?" : nameOf(args[0]));
                            action.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "ganglion-signal-handler";
                    });
            Method handle = signal.getMethod("handle", signal, handlerType);
            for (String name : new String[] {"TERM", "INT"}) {
                handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("signal handlers unavailable ({}); using a shutdown hook", e.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(action, "ganglion-shutdown"));
        }
    }

    private static String nameOf(Object signal) {
        try {
            return String.valueOf(signal.getClass().getMethod("getName").invoke(signal));
        } catch (ReflectiveOperationException e) {
            return "?";
        }
    }
}
