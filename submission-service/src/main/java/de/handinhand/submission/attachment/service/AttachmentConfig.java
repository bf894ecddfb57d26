package de.handinhand.submission.attachment.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits for attachments (HANDINHAND_ATTACHMENTS_MAX_SIZE, HANDINHAND_ATTACHMENTS_MAX_TOTAL, ...). */
@ConfigMapping(prefix = "handinhand.attachments")
public interface AttachmentConfig {

    /** Largest single file. */
    @WithDefault("10M")
    MemorySize maxSize();

    /** Largest sum of an entry's files. */
    @WithDefault("50M")
    MemorySize maxTotal();

    /** Most files per entry. */
    @WithDefault("20")
    int maxCount();
}
