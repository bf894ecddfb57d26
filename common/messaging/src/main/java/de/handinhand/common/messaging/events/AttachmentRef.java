package de.handinhand.common.messaging.events;

import java.util.UUID;

/** An attachment (Anlage) of a submitted entry: enough to list it and to check a download. */
public record AttachmentRef(UUID id, String filename, String contentType, long sizeBytes, String sha256) {
}
