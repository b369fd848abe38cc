package dev.parley.chat.file;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Decides a file's type from its bytes, never from a name or a Content-Type: the type's signature must open the file,
 * the file must be well formed for that type, and it must not carry HTML or script markup (a polyglot).
 */
final class FileSniffer {

    /** How much of a document is scanned for markup: more than the 512 bytes browsers sniff. */
    static final int DOCUMENT_SCAN = 1024;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] GIF87 = ascii("GIF87a");
    private static final byte[] GIF89 = ascii("GIF89a");
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP = ascii("WEBP");
    private static final byte[] PDF = ascii("%PDF-");
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private FileSniffer() {}

    /** The type of the content; UNSUPPORTED_TYPE when it is none of {@link FileType}, malformed, or a polyglot. */
    static FileType detect(byte[] content) {
        FileType type = bySignature(content);
        if (type == null) {
            throw unsupported("the file's content is not a JPEG, PNG, GIF, WEBP, PDF, DOC or DOCX file");
        }
        if (!wellFormed(type, content)) {
            throw unsupported("the file starts like a " + type + " file but is not a well-formed one");
        }
        int scan = type.isImage() ? content.length : Math.min(content.length, DOCUMENT_SCAN);
        if (MarkupScanner.containsMarkup(content, scan)) {
            throw unsupported("the " + type + " file carries HTML or script markup and is refused");
        }
        return type;
    }

    /** The type whose signature opens the content, or null. */
    static @Nullable FileType bySignature(byte[] c) {
        if (startsWith(c, 0, JPEG)) {
            return FileType.JPEG;
        }
        if (startsWith(c, 0, PNG)) {
            return FileType.PNG;
        }
        if (startsWith(c, 0, GIF87) || startsWith(c, 0, GIF89)) {
            return FileType.GIF;
        }
        if (startsWith(c, 0, RIFF) && startsWith(c, 8, WEBP)) {
            return FileType.WEBP;
        }
        if (startsWith(c, 0, PDF)) {
            return FileType.PDF;
        }
        if (startsWith(c, 0, OLE2)) {
            return FileType.DOC;
        }
        if (startsWith(c, 0, ZIP)) {
            return FileType.DOCX;
        }
        return null;
    }

    private static boolean wellFormed(FileType type, byte[] c) {
        return switch (type) {
            case JPEG -> ImageChecks.jpeg(c);
            case PNG -> ImageChecks.png(c);
            case GIF -> ImageChecks.gif(c);
            case WEBP -> ImageChecks.webp(c);
            case PDF -> DocumentChecks.pdf(c);
            case DOC -> DocumentChecks.doc(c);
            case DOCX -> DocumentChecks.docx(c);
        };
    }

    static boolean startsWith(byte[] content, int offset, byte[] prefix) {
        return content.length >= offset + prefix.length
                && Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static ParleyException unsupported(String message) {
        return new ParleyException(ErrorCode.UNSUPPORTED_TYPE, message);
    }
}
