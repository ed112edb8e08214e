package io.jwtdropin.mechanism;

import jakarta.security.jacc.PolicyContext;
import jakarta.security.jacc.PolicyContextException;
import jakarta.security.jacc.PolicyContextHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Answers {@code PolicyContext.getContext("jakarta.security.auth.Subject.container")} on Open Liberty, which registers
 * a handler for that key only when a Jakarta Authorization provider is installed (without one the call throws, and an
 * MP-JWT application that reads its caller's {@code Subject} gets a 500). The MP-JWT spec wants the
 * {@code JsonWebToken} in that {@code Subject}; Liberty's caller subject holds the principal our mechanism handed to
 * {@code notifyContainerAboutLogin}, so the handler returns Liberty's own caller subject, read through Liberty's
 * public {@code WSSubject} API (by reflection: the jar has no compile-time tie to any server).
 *
 * <p>Installed only where the key has no handler and {@code WSSubject} is visible, so a server's own handler (every
 * other server registers one) is never replaced. The handler is JVM-wide and answers for every application, since it
 * asks Liberty for the current thread's caller; the first application to start registers it, and it stays (Jakarta
 * Authorization has no way to remove a handler), holding that application's class loader.
 */
final class CallerSubjectHandler implements PolicyContextHandler {

    private static final Logger LOG = Logger.getLogger(CallerSubjectHandler.class.getName());
    static final Set<String> KEYS = Set.of("jakarta.security.auth.Subject.container", "javax.security.auth.Subject.container");
    private static final String LIBERTY_SUBJECT = "com.ibm.websphere.security.auth.WSSubject";

    private final Method callerSubject;

    private CallerSubjectHandler(Method callerSubject) {
        this.callerSubject = callerSubject;
    }

    /** Registers the handler for the subject keys the server left without one, where Liberty's API is visible. */
    static void installWhereMissing(ClassLoader loader) {
        Method callerSubject;
        try {
            callerSubject = Class.forName(LIBERTY_SUBJECT, true, loader).getMethod("getCallerSubject");
        } catch (ReflectiveOperationException | LinkageError e) {
            return; // not Liberty: every other server registers the key itself
        }
        try {
            Set<String> present = PolicyContext.getHandlerKeys();
            CallerSubjectHandler handler = new CallerSubjectHandler(callerSubject);
            for (String key : KEYS) {
                if (!present.contains(key)) {
                    PolicyContext.registerHandler(key, handler, false);
                    LOG.info(() -> "JWTD-007 PolicyContext key " + key + " answered with the caller's Subject"
                            + " (the server registers no handler for it)");
                }
            }
        } catch (PolicyContextException | IllegalArgumentException | SecurityException e) {
            // another application registered it between the look-up and now: its handler answers the same way
            LOG.fine(() -> "JWTD-007 PolicyContext subject handler not registered: " + e);
        }
    }

    @Override
    public Object getContext(String key, Object data) throws PolicyContextException {
        if (!supports(key)) {
            return null;
        }
        try {
            return callerSubject.invoke(null);
        } catch (InvocationTargetException e) {
            throw new PolicyContextException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new PolicyContextException(e);
        }
    }

    @Override
    public boolean supports(String key) {
        return KEYS.contains(key);
    }

    @Override
    public String[] getKeys() {
        return KEYS.toArray(String[]::new);
    }
}
