package de.handinhand.common.web.params;

import de.handinhand.common.web.validation.Rules;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A point on the map as a query parameter carries it: {@code near=48.26,11.43} (latitude, then
 * longitude, in degrees). {@link TypedParams} converts the text; the OpenAPI document shows it as
 * the string it is on the wire.
 */
@Schema(type = SchemaType.STRING, pattern = Coordinates.PATTERN, example = "48.26,11.43",
        description = "latitude,longitude in degrees (WGS 84)")
public record Coordinates(double lat, double lon) {

    static final String PATTERN = "\\s*-?[0-9]{1,3}(\\.[0-9]{1,12})?\\s*,\\s*-?[0-9]{1,3}(\\.[0-9]{1,12})?\\s*";
    private static final Pattern TEXT = Pattern.compile(PATTERN);
    private static final double LAT_MIN = Double.parseDouble(Rules.LAT_MIN);
    private static final double LAT_MAX = Double.parseDouble(Rules.LAT_MAX);
    private static final double LON_MIN = Double.parseDouble(Rules.LON_MIN);
    private static final double LON_MAX = Double.parseDouble(Rules.LON_MAX);

    public Coordinates {
        if (!(lat >= LAT_MIN && lat <= LAT_MAX)) {
            throw new IllegalArgumentException("latitude must be between " + Rules.LAT_MIN + " and " + Rules.LAT_MAX);
        }
        if (!(lon >= LON_MIN && lon <= LON_MAX)) {
            throw new IllegalArgumentException("longitude must be between " + Rules.LON_MIN + " and " + Rules.LON_MAX);
        }
    }

    /** @throws IllegalArgumentException with a message fit for the caller */
    public static Coordinates parse(String text) {
        if (!TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("must be lat,lon such as 48.26,11.43");
        }
        String[] parts = text.split(",");
        return new Coordinates(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
    }

    @Override
    public String toString() {
        return BigDecimal.valueOf(lat).toPlainString() + "," + BigDecimal.valueOf(lon).toPlainString();
    }
}
