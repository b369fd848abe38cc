package dev.parley.chat.file;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** The upload corpus, built by the tests: real small files of each type and the files an attacker sends. */
final class TestFiles {

    static final String HTML = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>";

    private TestFiles() {}

    static byte[] png() {
        return image("png");
    }

    static byte[] jpeg() {
        return image("jpg");
    }

    static byte[] gif() {
        return image("gif");
    }

    /** A 1×1 lossless WEBP, written by hand: RIFF header, WEBP, one VP8L chunk (padded to an even size). */
    static byte[] webp() {
        byte[] vp8l = {0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, (byte) 0xfe, 0x07};
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + vp8l.length + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(b.capacity() - 8).put(ascii("WEBP"));
        b.put(ascii("VP8L")).putInt(vp8l.length).put(vp8l).put((byte) 0);
        return b.array();
    }

    /** A one-page PDF with a correct cross-reference table. */
    static byte[] pdf() {
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return ascii(pdf.toString());
    }

    /**
     * A minimal Word 97 compound file: the 512-byte OLE2 header, one FAT sector and one directory sector holding the
     * root entry and an empty {@code WordDocument} stream.
     */
    static byte[] doc() {
        ByteBuffer b = ByteBuffer.allocate(512 * 3).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        b.position(24);
        b.putShort((short) 0x3E).putShort((short) 3).putShort((short) 0xFFFE).putShort((short) 9).putShort((short) 6);
        b.position(44);
        b.putInt(1).putInt(1).putInt(0).putInt(4096).putInt(-2).putInt(0).putInt(-2).putInt(0);
        for (int i = 1; i < 109; i++) {
            b.putInt(-1);
        }
        b.position(512);
        b.putInt(-3).putInt(-2);
        while (b.position() < 1024) {
            b.putInt(-1);
        }
        directoryEntry(b, 1024, "Root Entry", 5, 1);
        directoryEntry(b, 1024 + 128, "WordDocument", 2, -1);
        return b.array();
    }

    /** A Word document: an OOXML zip with content types, relationships and word/document.xml. */
    static byte[] docx() {
        return zip(Map.of(
                "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                        + "package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\""
                        + FileType.DOCX.mimeType() + ".main+xml\"/></Types>",
                "_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>",
                "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                        + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Invoice</w:t></w:r></w:p></w:body>"
                        + "</w:document>"));
    }

    /** A zip that is not a Word document. */
    static byte[] plainZip() {
        return zip(Map.of("readme.txt", "just a zip"));
    }

    /** The start of a Linux executable. */
    static byte[] elf() {
        byte[] b = new byte[256];
        System.arraycopy(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, 0, b, 0, 8);
        return b;
    }

    /** The start of a Windows executable. */
    static byte[] windowsExe() {
        byte[] b = new byte[256];
        b[0] = 'M';
        b[1] = 'Z';
        System.arraycopy(ascii("PE\0\0"), 0, b, 128, 4);
        b[60] = (byte) 128;
        return b;
    }

    static byte[] html() {
        return ascii(HTML);
    }

    /** A real PNG with an HTML page appended after its IEND chunk. */
    static byte[] pngFollowedByHtml() {
        return concat(png(), html());
    }

    /** A structurally valid PNG that carries an HTML page in a text chunk. */
    static byte[] pngWithHtmlInside() {
        return withChunkBeforeEnd(png(), "tEXt", concat(ascii("Comment\0"), html()));
    }

    /** A real PNG padded with a text chunk to exactly {@code size} bytes. */
    static byte[] pngOfSize(int size) {
        byte[] png = png();
        int padding = size - png.length - 12 - "Comment\0".length();
        byte[] text = new byte[padding];
        Arrays.fill(text, (byte) 'x');
        byte[] result = withChunkBeforeEnd(png, "tEXt", concat(ascii("Comment\0"), text));
        if (result.length != size) {
            throw new IllegalStateException("padded PNG is " + result.length + " bytes, wanted " + size);
        }
        return result;
    }

    static byte[] withChunkBeforeEnd(byte[] png, String type, byte[] data) {
        int iend = png.length - 12;
        return concat(Arrays.copyOf(png, iend), chunk(type, data), Arrays.copyOfRange(png, iend, png.length));
    }

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(ascii(type)).put(data);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, 4 + data.length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] image(String format) {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                img.setRGB(x, y, new Color(x * 32, y * 32, 128).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : entries.keySet().stream().sorted().toList()) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(entries.get(name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void directoryEntry(ByteBuffer b, int at, String name, int type, int child) {
        b.position(at);
        b.put((name + "\0").getBytes(StandardCharsets.UTF_16LE));
        b.position(at + 64);
        b.putShort((short) ((name.length() + 1) * 2)).put((byte) type).put((byte) 1);
        b.putInt(-1).putInt(-1).putInt(child);
        b.position(at + 116);
        b.putInt(-2).putInt(0);
    }
}
