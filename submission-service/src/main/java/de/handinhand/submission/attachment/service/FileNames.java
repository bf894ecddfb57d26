package de.handinhand.submission.attachment.service;

/** Makes a client's file name safe to store and to send back in Content-Disposition. */
final class FileNames {

    static final int MAX = 200;

    private FileNames() {
    }

    static String clean(String given, String contentType, int position) {
        String name = given == null ? "" : given;
        // Only the last path segment; no control characters, quotes or separators.
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
        if (name.length() > MAX) {
            name = name.substring(name.length() - MAX);
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "anlage-" + position + "." + ContentSniffer.extension(contentType);
        }
        return name;
    }
}
