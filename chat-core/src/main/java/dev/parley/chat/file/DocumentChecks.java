package dev.parley.chat.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Structure checks of the document types. */
final class DocumentChecks {

    /** Inflated bytes a DOCX check reads at most before giving up on the file (a zip bomb). */
    static final long MAX_INFLATED = 64L * 1024 * 1024;
    /** Zip entries a DOCX check looks at most. */
    static final int MAX_ENTRIES = 10_000;

    private static final byte[] PDF_END = FileSniffer.ascii("%%EOF");
    private static final byte[] WORD_STREAM = "WordDocument".getBytes(StandardCharsets.UTF_16LE);
    private static final byte[] ZIP_END = {'P', 'K', 5, 6};
    private static final int ZIP_END_SIZE = 22;

    private DocumentChecks() {}

    /** PDF: {@code %PDF-d.d} at the start and {@code %%EOF} within the last 1024 bytes. */
    static boolean pdf(byte[] c) {
        if (c.length < 8 || !Character.isDigit(c[5]) || c[6] != '.' || !Character.isDigit(c[7])) {
            return false;
        }
        return indexOf(c, PDF_END, Math.max(8, c.length - 1024)) >= 0;
    }

    /**
     * DOC: an OLE2 compound file (little-endian, 512- or 4096-byte sectors, at least header, FAT and directory
     * sectors) with a stream named {@code WordDocument}, as Word writes it; other OLE2 files (XLS, PPT, MSI) fail.
     */
    static boolean doc(byte[] c) {
        if (c.length < 1536 || (c[28] & 0xFF) != 0xFE || (c[29] & 0xFF) != 0xFF) {
            return false;
        }
        int sectorShift = (c[30] & 0xFF) | ((c[31] & 0xFF) << 8);
        return (sectorShift == 9 || sectorShift == 12) && indexOf(c, WORD_STREAM, 512) >= 0;
    }

    /**
     * DOCX: a zip that ends with its end-of-central-directory record (nothing appended) and holds
     * {@code [Content_Types].xml} and {@code word/document.xml}. Entries are read with bounded inflation.
     */
    static boolean docx(byte[] c) {
        if (!endsWithZipDirectory(c)) {
            return false;
        }
        boolean contentTypes = false;
        boolean document = false;
        long inflated = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(c))) {
            ZipEntry entry;
            for (int entries = 0; (entry = zip.getNextEntry()) != null && entries < MAX_ENTRIES; entries++) {
                contentTypes |= entry.getName().equals("[Content_Types].xml");
                document |= entry.getName().equals("word/document.xml");
                if (contentTypes && document) {
                    return true;
                }
                // read each entry ourselves, so that skipping it cannot inflate without bound
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    inflated += n;
                    if (inflated > MAX_INFLATED) {
                        return false;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    private static boolean endsWithZipDirectory(byte[] c) {
        int lowest = Math.max(0, c.length - ZIP_END_SIZE - 0xFFFF);
        for (int at = c.length - ZIP_END_SIZE; at >= lowest; at--) {
            if (FileSniffer.startsWith(c, at, ZIP_END)) {
                int commentLength = (c[at + 20] & 0xFF) | ((c[at + 21] & 0xFF) << 8);
                return at + ZIP_END_SIZE + commentLength == c.length;
            }
        }
        return false;
    }

    private static int indexOf(byte[] c, byte[] needle, int from) {
        for (int i = Math.max(0, from); i + needle.length <= c.length; i++) {
            if (FileSniffer.startsWith(c, i, needle)) {
                return i;
            }
        }
        return -1;
    }
}
