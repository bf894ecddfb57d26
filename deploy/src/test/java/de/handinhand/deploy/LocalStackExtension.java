package de.handinhand.deploy;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class the run's one {@link SharedStack}: started by the first class that needs it,
 * kept in the root store (so every class of the JVM shares it), stopped by JUnit when the whole
 * run ends — with a check that no process or port is left. Test constructors, lifecycle methods and
 * tests may ask for a {@link SharedStack}, {@link Gateway}, {@link Steps}, {@link Keycloak} or
 * {@link StackConfig} parameter.
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * class SomethingIT {
 *     @Test
 *     void works(Gateway gateway) { gateway.anonymous().get("/api/calls").then().statusCode(200); }
 * }
 * }</pre>
 */
final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    /** The outcome of the one attempt to start the stack: a failed start is not retried by every class. */
    private record Started(SharedStack stack, Throwable failure) implements AutoCloseable {

        static Started attempt() {
            try {
                return new Started(SharedStack.start(), null);
            } catch (Exception | AssertionError e) {
                return new Started(null, e);
            }
        }

        SharedStack get() {
            if (failure != null) {
                throw new IllegalStateException("The local stack did not start: " + failure.getMessage(), failure);
            }
            return stack;
        }

        @Override
        public void close() {
            if (stack != null) {
                stack.close();
            }
        }
    }

    static SharedStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Started.class, key -> Started.attempt(), Started.class).get();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SharedStack.class || type == Gateway.class || type == Steps.class || type == Keycloak.class
                || type == StackConfig.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SharedStack stack = stack(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == SharedStack.class) {
            return stack;
        } else if (type == Gateway.class) {
            return stack.gateway();
        } else if (type == Steps.class) {
            return new Steps(stack.gateway());
        } else if (type == Keycloak.class) {
            return stack.keycloak();
        } else if (type == StackConfig.class) {
            return stack.config();
        }
        throw new ParameterResolutionException("No " + type + " here");
    }
}
