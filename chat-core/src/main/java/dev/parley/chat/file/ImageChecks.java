package dev.parley.chat.file;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Structure checks of the image types: the file must be one whole image with nothing after its end. */
final class ImageChecks {

    private static final int PNG_SIGNATURE = 8;

    private ImageChecks() {}

    /** PNG: chunks with valid CRCs from the signature on, IHDR first, IEND last and at the very end of the file. */
    static boolean png(byte[] c) {
        int pos = PNG_SIGNATURE;
        boolean first = true;
        while (pos + 12 <= c.length) {
            long length = u32be(c, pos);
            if (length > c.length - pos - 12) {
                return false;
            }
            String type = new String(c, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int dataEnd = pos + 8 + (int) length;
            CRC32 crc = new CRC32();
            crc.update(c, pos + 4, 4 + (int) length);
            if (crc.getValue() != u32be(c, dataEnd)) {
                return false;
            }
            if (first && !(type.equals("IHDR") && length == 13)) {
                return false;
            }
            first = false;
            pos = dataEnd + 4;
            if (type.equals("IEND")) {
                return pos == c.length;
            }
        }
        return false;
    }

    /** JPEG: marker segments from SOI up to the start of scan, and EOI as the last two bytes. */
    static boolean jpeg(byte[] c) {
        int pos = 2;
        while (true) {
            while (pos < c.length && c[pos] == (byte) 0xFF && pos + 1 < c.length && c[pos + 1] == (byte) 0xFF) {
                pos++;
            }
            if (pos + 4 > c.length || c[pos] != (byte) 0xFF) {
                return false;
            }
            int marker = c[pos + 1] & 0xFF;
            if (marker == 0xD9 || marker == 0xD8 || marker == 0x00) {
                return false;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            int length = ((c[pos + 2] & 0xFF) << 8) | (c[pos + 3] & 0xFF);
            if (length < 2 || pos + 2 + length > c.length) {
                return false;
            }
            pos += 2 + length;
            if (marker == 0xDA) {
                break;
            }
        }
        return c.length >= pos + 2 && c[c.length - 2] == (byte) 0xFF && c[c.length - 1] == (byte) 0xD9;
    }

    /** GIF: the header and logical screen descriptor, and the trailer byte 0x3B as the last byte. */
    static boolean gif(byte[] c) {
        return c.length >= 14 && c[c.length - 1] == 0x3B;
    }

    /** WEBP: a RIFF container whose size is the file's size, opening with a VP8, VP8L or VP8X chunk. */
    static boolean webp(byte[] c) {
        if (c.length < 20 || u32le(c, 4) != c.length - 8L) {
            return false;
        }
        String chunk = new String(c, 12, 4, StandardCharsets.ISO_8859_1);
        return (chunk.equals("VP8 ") || chunk.equals("VP8L") || chunk.equals("VP8X")) && u32le(c, 16) <= c.length - 20L;
    }

    static long u32be(byte[] c, int at) {
        return ((c[at] & 0xFFL) << 24) | ((c[at + 1] & 0xFFL) << 16) | ((c[at + 2] & 0xFFL) << 8) | (c[at + 3] & 0xFFL);
    }

    static long u32le(byte[] c, int at) {
        return ((c[at + 3] & 0xFFL) << 24) | ((c[at + 2] & 0xFFL) << 16) | ((c[at + 1] & 0xFFL) << 8) | (c[at] & 0xFFL);
    }
}
