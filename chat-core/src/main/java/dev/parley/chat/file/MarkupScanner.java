package dev.parley.chat.file;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Finds HTML, SVG, PHP or script markup in bytes, case-insensitively: the payload of a polyglot file that a browser
 * or a server could execute. Image metadata such as XMP ({@code <x:xmpmeta>}, {@code <rdf:RDF>}) is not markup here.
 */
final class MarkupScanner {

    private static final List<byte[]> MARKERS = List.of("<html", "<head", "<body", "<script", "<iframe", "<svg",
            "<object", "<embed", "<!doctype", "<?php").stream()
            .map(m -> m.getBytes(StandardCharsets.US_ASCII)).toList();

    private MarkupScanner() {}

    /** Whether one of the markers starts within the first {@code length} bytes. */
    static boolean containsMarkup(byte[] content, int length) {
        for (int i = 0; i < length; i++) {
            if (content[i] == '<') {
                for (byte[] marker : MARKERS) {
                    if (matchesAt(content, i, marker)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] content, int at, byte[] marker) {
        if (at + marker.length > content.length) {
            return false;
        }
        for (int k = 1; k < marker.length; k++) {
            byte b = content[at + k];
            if (b >= 'A' && b <= 'Z') {
                b = (byte) (b + ('a' - 'A'));
            }
            if (b != marker[k]) {
                return false;
            }
        }
        return true;
    }
}
