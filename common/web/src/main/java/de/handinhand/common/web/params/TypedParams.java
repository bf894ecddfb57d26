package de.handinhand.common.web.params;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Converts query, path and header parameters to the types resources take, so no resource parses
 * strings: {@link UUID}, any {@code enum}, {@link LocalDate}, {@link Instant}, {@link Coordinates},
 * and strict {@link Integer}, {@link Long}, {@link Double} and {@link Boolean} (JAX-RS' own answer
 * to {@code ?free=yes} is {@code false}, and to {@code ?size=abc} a 404).
 * <p>
 * Every failure is a {@link ParameterException} naming the parameter as the caller sent it: 400 for
 * query parameters and headers, 404 for path parameters (a path that cannot name a resource names
 * none: {@code /api/calls/not-a-uuid} is "no such call", as before). A blank value ({@code ?kreis=})
 * counts as absent, as it always has, for {@link String} parameters too (so their {@code @Pattern}
 * sees null, not "", and a stripped value otherwise); primitives are left to JAX-RS, so take boxed types.
 * <p>
 * Enum constants match case-insensitively ({@code sort=relevance} is {@code RELEVANCE}); the
 * message lists the constants as the API documents them.
 */
@Provider
public class TypedParams implements ParamConverterProvider {

    private static final Map<String, String> WHERE = Map.ofEntries(
            Map.entry("jakarta.ws.rs.QueryParam", "Query parameter"),
            Map.entry("org.jboss.resteasy.reactive.RestQuery", "Query parameter"),
            Map.entry("jakarta.ws.rs.PathParam", "Path parameter"),
            Map.entry("org.jboss.resteasy.reactive.RestPath", "Path parameter"),
            Map.entry("jakarta.ws.rs.HeaderParam", "Header"),
            Map.entry("org.jboss.resteasy.reactive.RestHeader", "Header"),
            Map.entry("jakarta.ws.rs.CookieParam", "Cookie"),
            Map.entry("jakarta.ws.rs.FormParam", "Form field"),
            Map.entry("org.jboss.resteasy.reactive.RestForm", "Form field"));

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Converter<?> converter = converter(rawType);
        if (converter == null) {
            return null;
        }
        return (ParamConverter<T>) new Named(converter, annotations);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Converter<?> converter(Class<?> type) {
        if (type == String.class) {
            // So that a blank text is absent and surrounding blanks do not count, as for every other type:
            // without this, ?kreis= reached a @Pattern(regexp = Rules.KREIS_KEY) String kreis as "" and was refused.
            return new Converter<>(Function.identity(), null);
        }
        if (type == UUID.class) {
            return new Converter<>(UUID::fromString, "must be a UUID");
        }
        if (type.isEnum()) {
            return enumConverter((Class<? extends Enum>) type);
        }
        if (type == LocalDate.class) {
            return new Converter<>(LocalDate::parse, "must be a date such as 2026-05-01");
        }
        if (type == Instant.class) {
            return new Converter<>(Instant::parse, "must be an ISO-8601 instant such as 2026-05-01T00:00:00Z");
        }
        if (type == Coordinates.class) {
            return new Converter<>(Coordinates::parse, null);
        }
        if (type == Integer.class) {
            return new Converter<>(Integer::valueOf, "must be a whole number");
        }
        if (type == Long.class) {
            return new Converter<>(Long::valueOf, "must be a whole number");
        }
        if (type == Double.class) {
            return new Converter<>(TypedParams::finite, "must be a number");
        }
        if (type == Boolean.class) {
            return new Converter<>(TypedParams::strictBoolean, "must be true or false");
        }
        return null;
    }

    private static <E extends Enum<E>> Converter<E> enumConverter(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String allowed = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        return new Converter<>(text -> {
            for (E constant : constants) {
                if (constant.name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException();
        }, "must be one of " + allowed);
    }

    private static Double finite(String text) {
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException();
        }
        return value;
    }

    private static Boolean strictBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException();
        };
    }

    /**
     * @param message what the caller is told; null to pass on the parse failure's own message
     *        (for types whose parser explains itself, such as {@link Coordinates})
     */
    record Converter<T>(Function<String, T> parse, String message) {

        T convert(String text, String where, String name) {
            try {
                return parse.apply(text.strip());
            } catch (RuntimeException e) {
                String told = message != null || e.getMessage() == null ? message : e.getMessage();
                throw new ParameterException(where, name, told, where.startsWith("Path") ? 404 : 400);
            }
        }
    }

    /** A converter for one parameter: it knows the parameter's name from the parameter's annotations. */
    private static final class Named implements ParamConverter<Object> {

        private final Converter<?> converter;
        private final String where;
        private final String name;

        Named(Converter<?> converter, Annotation[] annotations) {
            this.converter = converter;
            String foundWhere = "Parameter";
            String foundName = "parameter";
            for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
                String kind = WHERE.get(a.annotationType().getName());
                if (kind != null) {
                    foundWhere = kind;
                    foundName = value(a, foundName);
                }
            }
            this.where = foundWhere;
            this.name = foundName;
        }

        @Override
        public Object fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return converter.convert(value, where, name);
        }

        @Override
        public String toString(Object value) {
            return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
        }

        private static String value(Annotation annotation, String fallback) {
            try {
                Object value = annotation.annotationType().getMethod("value").invoke(annotation);
                return value instanceof String s && !s.isEmpty() ? s : fallback;
            } catch (ReflectiveOperationException e) {
                return fallback;
            }
        }
    }
}
