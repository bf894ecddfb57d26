package de.handinhand.common.web.validation;

import de.handinhand.common.web.problem.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Says where a Bean Validation violation of a resource method points, in the caller's terms: a
 * field of the JSON body as a JSON path ({@code title}, {@code locations[1].lat},
 * {@code answers.C23}), or a request parameter by the name the caller sent
 * ({@code size}, not the Java parameter {@code list.paging.size}). The method and parameter names
 * that Hibernate Validator puts in front of every path mean nothing to a client.
 */
public final class Violations {

    /** What the violation is about; decides the status of the answer. */
    public enum Origin {
        /** A field of the request body: 422, like every other invalid field. */
        BODY,
        /** A query, path, header, cookie or form parameter: 400, the request itself is malformed. */
        PARAMETER,
        /** The resource's own answer broke its declared constraints: a server bug, 500. */
        RETURN_VALUE
    }

    /** @param where for parameters how the caller sent it ("Query parameter", "Header"), else null */
    public record Located(Origin origin, String where, FieldError error) {
    }

    private static final String RS = "jakarta.ws.rs.";
    private static final String REACTIVE = "org.jboss.resteasy.reactive.";
    private static final Map<String, String> PARAMETER_KINDS = Map.ofEntries(
            Map.entry(RS + "QueryParam", "Query parameter"), Map.entry(REACTIVE + "RestQuery", "Query parameter"),
            Map.entry(RS + "PathParam", "Path parameter"), Map.entry(REACTIVE + "RestPath", "Path parameter"),
            Map.entry(RS + "HeaderParam", "Header"), Map.entry(REACTIVE + "RestHeader", "Header"),
            Map.entry(RS + "CookieParam", "Cookie"), Map.entry(REACTIVE + "RestCookie", "Cookie"),
            Map.entry(RS + "FormParam", "Form field"), Map.entry(REACTIVE + "RestForm", "Form field"),
            Map.entry(RS + "MatrixParam", "Matrix parameter"), Map.entry(REACTIVE + "RestMatrix", "Matrix parameter"));
    private static final Set<String> BEAN_PARAM = Set.of(RS + "BeanParam");
    private static final Set<String> NOT_A_BODY = Set.of(RS + "core.Context", RS + "container.Suspended");

    private Violations() {
    }

    /** Every violation located, in a stable order (by field, then message) so answers are reproducible. */
    public static List<Located> locate(Set<? extends ConstraintViolation<?>> violations) {
        List<Located> located = new ArrayList<>(violations.size());
        for (ConstraintViolation<?> v : violations) {
            located.add(locate(v));
        }
        located.sort(Comparator.comparing((Located l) -> l.error().field()).thenComparing(l -> l.error().message()));
        return located;
    }

    public static Located locate(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        String message = violation.getMessage();
        if (nodes.size() >= 2 && (nodes.get(0).getKind() == ElementKind.METHOD
                || nodes.get(0).getKind() == ElementKind.CONSTRUCTOR)) {
            Path.Node second = nodes.get(1);
            if (second.getKind() == ElementKind.RETURN_VALUE) {
                return new Located(Origin.RETURN_VALUE, null, new FieldError(jsonPath(nodes.subList(2, nodes.size())),
                        message));
            }
            if (second.getKind() == ElementKind.PARAMETER) {
                return parameter(violation, nodes.get(0), second.as(Path.ParameterNode.class),
                        nodes.subList(2, nodes.size()), message);
            }
            // Cross-parameter constraints: no single field to name.
            return new Located(Origin.PARAMETER, "Request", new FieldError(nodes.get(0).getName(), message));
        }
        // A bean validated on its own (Validator.validate(request)): the path is the body's path already.
        return new Located(Origin.BODY, null, new FieldError(fieldOrBody(jsonPath(nodes)), message));
    }

    private static Located parameter(ConstraintViolation<?> violation, Path.Node methodNode, Path.ParameterNode node,
            List<Path.Node> inside, String message) {
        int index = methodNode.getKind() == ElementKind.METHOD
                ? parameterIndex(violation.getRootBeanClass(), methodNode.as(Path.MethodNode.class), node)
                : -1;
        Annotation[] annotations = index >= 0
                ? parameterAnnotations(violation.getRootBeanClass(), methodNode.as(Path.MethodNode.class), index)
                : new Annotation[0];
        for (Annotation a : annotations) {
            String type = a.annotationType().getName();
            String kind = PARAMETER_KINDS.get(type);
            if (kind != null) {
                return new Located(Origin.PARAMETER, kind, new FieldError(nameOf(a, node.getName()), message));
            }
            if (BEAN_PARAM.contains(type) && !inside.isEmpty()) {
                Class<?> bean = methodNode.as(Path.MethodNode.class).getParameterTypes().get(index);
                return beanParameter(bean, inside.get(0).getName(), message);
            }
            if (NOT_A_BODY.contains(type)) {
                return new Located(Origin.PARAMETER, "Request", new FieldError(node.getName(), message));
            }
        }
        // The one unannotated parameter of a resource method is the body.
        return new Located(Origin.BODY, null, new FieldError(fieldOrBody(jsonPath(inside)), message));
    }

    /** A constraint on a field of a {@code @BeanParam} class: named by that field's parameter annotation. */
    private static Located beanParameter(Class<?> bean, String property, String message) {
        for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
            List<Annotation> found = new ArrayList<>();
            try {
                Field field = c.getDeclaredField(property);
                found.addAll(List.of(field.getAnnotations()));
            } catch (NoSuchFieldException e) {
                // try the record component or the next superclass
            }
            if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    if (component.getName().equals(property)) {
                        found.addAll(List.of(component.getAnnotations()));
                    }
                }
            }
            for (Annotation a : found) {
                String kind = PARAMETER_KINDS.get(a.annotationType().getName());
                if (kind != null) {
                    return new Located(Origin.PARAMETER, kind, new FieldError(nameOf(a, property), message));
                }
            }
        }
        return new Located(Origin.PARAMETER, "Parameter", new FieldError(property, message));
    }

    /**
     * The JSON path of body nodes: properties joined by dots, list positions in brackets, map keys
     * as properties (answers are keyed by question code, and the API names them {@code answers.C23}).
     */
    static String jsonPath(List<Path.Node> nodes) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    path.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    path.append('.').append(node.getKey());
                }
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        return !path.isEmpty() && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    private static String fieldOrBody(String path) {
        return path.isEmpty() ? "body" : path;
    }

    private static String nameOf(Annotation annotation, String fallback) {
        try {
            Object value = annotation.annotationType().getMethod("value").invoke(annotation);
            return value instanceof String s && !s.isEmpty() ? s : fallback;
        } catch (ReflectiveOperationException e) {
            return fallback;
        }
    }

    /**
     * The annotations of the method's parameter where they are declared: the validated instance
     * may be a generated subclass (interceptors) whose override carries none.
     */
    /**
     * The parameter's position. A custom constraint that reports an element through a container
     * element node leaves Hibernate Validator's parameter node without its index (reading it throws),
     * so the position is then found by the parameter's name (the build keeps names: -parameters);
     * -1 when neither works, and the violation is named as the body's.
     */
    private static int parameterIndex(Class<?> root, Path.MethodNode method, Path.ParameterNode node) {
        try {
            return node.getParameterIndex();
        } catch (NullPointerException noIndex) {
            Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
            for (Class<?> c = root; c != null && c != Object.class; c = c.getSuperclass()) {
                try {
                    java.lang.reflect.Parameter[] parameters = c.getDeclaredMethod(method.getName(), types).getParameters();
                    for (int i = 0; i < parameters.length; i++) {
                        if (parameters[i].getName().equals(node.getName())) {
                            return i;
                        }
                    }
                    return -1;
                } catch (NoSuchMethodException e) {
                    // declared further up
                }
            }
            return -1;
        }
    }

    private static Annotation[] parameterAnnotations(Class<?> root, Path.MethodNode node, int index) {
        Class<?>[] types = node.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> c = root; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method method = c.getDeclaredMethod(node.getName(), types);
                Annotation[] annotations = method.getParameterAnnotations()[index];
                if (annotations.length > 0) {
                    return annotations;
                }
            } catch (NoSuchMethodException e) {
                // declared further up
            }
        }
        return new Annotation[0];
    }
}
