package de.handinhand.submission.attachment.service;

import java.util.Optional;

/**
 * Recognises the accepted file types from their first bytes (magic numbers), never from what the
 * client declares: a PDF starts with "%PDF-", a PNG with its 8-byte signature, a JPEG with the
 * SOI marker FF D8 FF.
 */
public final class ContentSniffer {

    static final int NEEDED = 8;
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private ContentSniffer() {
    }

    public static Optional<String> detect(byte[] head, int length) {
        if (startsWith(head, length, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(head, length, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(head, length, JPEG)) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    public static String extension(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> "pdf";
            case "image/png" -> "png";
            default -> "jpg";
        };
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
