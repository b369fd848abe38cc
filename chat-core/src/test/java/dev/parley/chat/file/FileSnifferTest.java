package dev.parley.chat.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FileSnifferTest {

    @Test
    void everyAllowedTypeIsRecognisedFromItsBytes() {
        assertThat(FileSniffer.detect(TestFiles.jpeg())).isEqualTo(FileType.JPEG);
        assertThat(FileSniffer.detect(TestFiles.png())).isEqualTo(FileType.PNG);
        assertThat(FileSniffer.detect(TestFiles.gif())).isEqualTo(FileType.GIF);
        assertThat(FileSniffer.detect(TestFiles.webp())).isEqualTo(FileType.WEBP);
        assertThat(FileSniffer.detect(TestFiles.pdf())).isEqualTo(FileType.PDF);
        assertThat(FileSniffer.detect(TestFiles.doc())).isEqualTo(FileType.DOC);
        assertThat(FileSniffer.detect(TestFiles.docx())).isEqualTo(FileType.DOCX);
    }

    @Test
    void executablesAndHtmlAreNoneOfTheTypes() {
        assertUnsupported(TestFiles.elf(), "not a JPEG, PNG");
        assertUnsupported(TestFiles.windowsExe(), "not a JPEG, PNG");
        assertUnsupported(TestFiles.html(), "not a JPEG, PNG");
    }

    @Test
    void pngWithDataAfterItsEndIsRefused() {
        assertUnsupported(TestFiles.pngFollowedByHtml(), "not a well-formed one");
        assertUnsupported(TestFiles.concat(TestFiles.png(), new byte[] {0}), "not a well-formed one");
    }

    @Test
    void wellFormedPngCarryingHtmlIsRefusedByTheMarkupScan() {
        assertUnsupported(TestFiles.pngWithHtmlInside(), "HTML or script markup");
    }

    @Test
    void pngWithABrokenChunkChecksumIsRefused() {
        byte[] png = TestFiles.png();
        png[20] ^= 1; // inside IHDR's data
        assertUnsupported(png, "not a well-formed one");
    }

    @Test
    void truncatedImagesAreRefused() {
        byte[] jpeg = TestFiles.jpeg();
        byte[] gif = TestFiles.gif();
        byte[] webp = TestFiles.webp();
        assertUnsupported(Arrays.copyOf(jpeg, jpeg.length - 10), "not a well-formed one");
        assertUnsupported(Arrays.copyOf(gif, gif.length - 1), "not a well-formed one");
        assertUnsupported(Arrays.copyOf(webp, webp.length - 2), "not a well-formed one");
        assertUnsupported(Arrays.copyOf(TestFiles.png(), 30), "not a well-formed one");
    }

    @Test
    void jpegAndGifWithAppendedHtmlAreRefused() {
        assertUnsupported(TestFiles.concat(TestFiles.jpeg(), TestFiles.html()), "not a well-formed one");
        byte[] gifWithComment = TestFiles.concat(Arrays.copyOf(TestFiles.gif(), TestFiles.gif().length - 1),
                TestFiles.ascii("!\u00fe" + (char) 40 + "<script>alert(1)</script>aaaaaaaaaaaaaaa" + "\0;"));
        assertUnsupported(gifWithComment, "HTML or script markup");
    }

    @Test
    void documentWithMarkupInItsHeadIsRefused() {
        byte[] pdf = TestFiles.concat(TestFiles.ascii("%PDF-1.4\n%<html><script>alert(1)</script>\n"),
                Arrays.copyOfRange(TestFiles.pdf(), 9, TestFiles.pdf().length));
        assertUnsupported(pdf, "HTML or script markup");
    }

    @Test
    void htmlRenamedPdfIsNotAPdf() {
        assertUnsupported(TestFiles.ascii("%PDF-<html>" + TestFiles.HTML), "not a well-formed one");
    }

    @Test
    void zipWithoutWordDocumentIsNotADocx() {
        assertUnsupported(TestFiles.plainZip(), "not a well-formed one");
    }

    @Test
    void docxWithDataAfterItsCentralDirectoryIsRefused() {
        assertUnsupported(TestFiles.concat(TestFiles.docx(), TestFiles.html()), "not a well-formed one");
    }

    @Test
    void docxWhoseEntriesInflateBeyondTheBoundIsRefusedWithoutReadingThemAll() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("a-bomb.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written <= DocumentChecks.MAX_INFLATED; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
        }
        assertThat(out.size()).isLessThan(1024 * 1024);
        assertUnsupported(out.toByteArray(), "not a well-formed one");
    }

    @Test
    void compoundFileWithoutWordStreamIsNotADoc() {
        byte[] doc = TestFiles.doc();
        byte[] name = "WordDocument".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] other = "Workbook\0\0\0\0".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        System.arraycopy(other, 0, doc, 1024 + 128, name.length);
        assertUnsupported(doc, "not a well-formed one");
    }

    @Test
    void imageMetadataIsNotMistakenForMarkup() {
        byte[] xmp = TestFiles.ascii("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF/>"
                + "</x:xmpmeta>");
        assertThat(FileSniffer.detect(TestFiles.withChunkBeforeEnd(TestFiles.png(), "iTXt", xmp)))
                .isEqualTo(FileType.PNG);
    }

    private static void assertUnsupported(byte[] content, String message) {
        assertThatThrownBy(() -> FileSniffer.detect(content))
                .isInstanceOfSatisfying(ParleyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_TYPE))
                .hasMessageContaining(message);
    }
}
