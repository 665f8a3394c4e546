package io.kengine.engine.ops;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * OS signal handlers through {@code sun.misc.Signal} (module jdk.unsupported), looked up reflectively
 * so the engine still starts on a JVM without it; {@link #handle} then returns false and the caller
 * falls back (shutdown hook for INT/TERM; no USR2 kill switch, use the file or the CLI).
 */
public final class Signals {
    private Signals() {
    }

    /** A handle to restore the previous handler; {@code null} when the signal could not be handled. */
    public interface Installed {
        void restore();
    }

    /**
     * @param name {@code INT}, {@code TERM}, {@code USR2}, ...
     * @return null when the signal cannot be handled on this JVM/OS (e.g. USR2 used by the JVM itself)
     */
    public static Installed handle(String name, Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            InvocationHandler ih = (Object proxy, Method method, Object[] args) -> {
                if (method.getName().equals("handle")) {
                    action.run();
                    return null;
                }
                switch (method.getName()) {
                    case "toString": return "kengine " + name + " handler";
                    case "hashCode": return System.identityHashCode(proxy);
                    case "equals": return proxy == args[0];
                    default: return null;
                }
            };
            Object handler = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[]{handlerClass}, ih);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object previous = handle.invoke(null, signal, handler);
            return () -> {
                try {
                    handle.invoke(null, signal, previous);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // the process is going away anyway
                }
            };
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
