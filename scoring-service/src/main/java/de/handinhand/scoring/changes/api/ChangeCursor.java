package de.handinhand.scoring.changes.api;

import de.handinhand.common.web.params.ParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A place in the change feed: after the row of transaction {@code xid} with number {@code seq}. On
 * the wire it is opaque text (the {@code next} of an answer, the {@code since} of the next request);
 * JAX-RS reads the parameter through {@link #fromString}, so a cursor the feed did not hand out is a
 * 400 naming {@code since}.
 */
@Schema(type = SchemaType.STRING, description = "An opaque cursor: the next of an earlier answer")
public record ChangeCursor(long xid, long seq) {

    public static final ChangeCursor START = new ChangeCursor(0, 0);

    private static final String PREFIX = "chg2:";

    /** The cursor a text stands for; blank is the beginning. */
    public static ChangeCursor fromString(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            String[] parts = decoded.startsWith(PREFIX) ? decoded.substring(PREFIX.length()).split(":", -1)
                    : new String[0];
            if (parts.length == 2) {
                long xid = Long.parseLong(parts[0]);
                long seq = Long.parseLong(parts[1]);
                if (xid >= 0 && seq >= 0) {
                    return new ChangeCursor(xid, seq);
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400
        }
        throw new ParameterException("Query parameter", "since", "is not a cursor this feed handed out", 400);
    }

    /** The text a caller passes back. */
    @Override
    public String toString() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + xid + ":" + seq).getBytes(StandardCharsets.UTF_8));
    }
}
