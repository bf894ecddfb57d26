package de.handinhand.gateway.tracing;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Makes the gateway's own HTTP spans (Quarkus' Vert.x HTTP instrumentation: a server span per request,
 * a client span per forwarded request) follow the sampler: they are created only when the sampler can
 * keep a span at all. With the default sampler ratio of 0 every such span would be dropped, yet creating
 * it, extracting and injecting its context cost about a sixth of the gateway's CPU per request. Without
 * them the caller's {@code traceparent} and {@code tracestate} still reach the service unchanged (the
 * proxy forwards them like any end-to-end header), so a trace a caller started continues in the services.
 *
 * <p>It sets {@value #PROPERTY} at an ordinal (150) below {@code application.properties} and the
 * environment: {@code QUARKUS_OTEL_INSTRUMENT_VERTX_HTTP=true|false} still decides where set.
 */
public final class SpansFollowSampling implements ConfigSourceFactory {

    public static final String PROPERTY = "quarkus.otel.instrument.vertx-http";
    private static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean on = spansKept(value(context, "quarkus.otel.sdk.disabled"), value(context, "quarkus.otel.traces.sampler"),
                value(context, "quarkus.otel.traces.sampler.arg"));
        return List.of(new PropertiesConfigSource(Map.of(PROPERTY, Boolean.toString(on)), "gateway-spans-follow-sampling",
                ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }

    /**
     * Whether a sampler configured so can keep any span: not when the SDK is off, the sampler is
     * {@code always_off}, or a ratio sampler's ratio is 0. Anything unknown or unreadable keeps spans on
     * (the behaviour without this switch).
     */
    static boolean spansKept(String sdkDisabled, String sampler, String ratio) {
        if ("true".equalsIgnoreCase(sdkDisabled == null ? null : sdkDisabled.strip())) {
            return false;
        }
        String kind = sampler == null ? "parentbased_always_on" : sampler.strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "always_off", "parentbased_always_off" -> false;
            case "traceidratio", "parentbased_traceidratio" -> ratioAboveZero(ratio);
            default -> true;
        };
    }

    private static boolean ratioAboveZero(String ratio) {
        if (ratio == null || ratio.isBlank()) {
            return true; // OpenTelemetry's default ratio is 1.0
        }
        try {
            return Double.parseDouble(ratio.strip()) > 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
