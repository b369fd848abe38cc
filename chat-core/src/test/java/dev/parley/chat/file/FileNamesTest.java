package dev.parley.chat.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void pathsAreCutToTheirLastSegment() {
        assertThat(FileNames.sanitize("../../etc/passwd.png")).isEqualTo("passwd.png");
        assertThat(FileNames.sanitize("C:\\Users\\ann\\photo.jpg")).isEqualTo("photo.jpg");
        assertThat(FileNames.sanitize("..")).isEmpty();
    }

    @Test
    void nulIsRefusedAsValidation() {
        assertThatThrownBy(() -> FileNames.sanitize("evil.php\0.png"))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
                .hasMessageContaining("NUL");
    }

    @Test
    void controlFormatAndBidiCharactersAreRemoved() {
        assertThat(FileNames.sanitize("in\tvoice\r\n\u001b[31m.pdf")).isEqualTo("invoice[31m.pdf");
        assertThat(FileNames.sanitize("photo\u202Egnp.exe")).isEqualTo("photognp.exe");
        assertThat(FileNames.sanitize("zero\u200Bwidth.png")).isEqualTo("zerowidth.png");
    }

    @Test
    void markupAndWindowsReservedCharactersAreReplaced() {
        assertThat(FileNames.sanitize("<img src=x onerror=alert(1)>.png")).isEqualTo("_img src=x onerror=alert(1)_.png");
        assertThat(FileNames.sanitize("a:b|c?d*e\"f.png")).isEqualTo("a_b_c_d_e_f.png");
    }

    @Test
    void hiddenNamesAndTrailingDotsAreTrimmed() {
        assertThat(FileNames.sanitize("  .htaccess ")).isEqualTo("htaccess");
        assertThat(FileNames.sanitize("report.pdf. . ")).isEqualTo("report.pdf");
    }

    @Test
    void windowsDeviceNamesArePrefixed() {
        assertThat(FileNames.sanitize("CON.png")).isEqualTo("_CON.png");
        assertThat(FileNames.sanitize("lpt1")).isEqualTo("_lpt1");
        assertThat(FileNames.sanitize("console.png")).isEqualTo("console.png");
    }

    @Test
    void namesAreNormalisedToNfc() {
        String decomposed = "Cafe\u0301.png";
        assertThat(FileNames.sanitize(decomposed)).isEqualTo("Caf\u00e9.png");
    }

    @Test
    void extensionMustAgreeWithTheContent() {
        assertThat(FileNames.agreeing("photo.JPEG", FileType.JPEG)).isEqualTo("photo.JPEG");
        assertThatThrownBy(() -> FileNames.agreeing("photo.png", FileType.PDF))
                .isInstanceOfSatisfying(ParleyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_TYPE))
                .hasMessageContaining("content is PDF").hasMessageContaining("name it .pdf");
    }

    @Test
    void missingExtensionOrNameGetsTheTypes() {
        assertThat(FileNames.agreeing("screenshot", FileType.PNG)).isEqualTo("screenshot.png");
        assertThat(FileNames.agreeing("", FileType.DOCX)).isEqualTo("upload.docx");
        assertThat(FileNames.agreeing(FileNames.sanitize(null), FileType.GIF)).isEqualTo("upload.gif");
    }

    @Test
    void longNamesAreCutKeepingTheExtensionAndWholeCharacters() {
        String name = FileNames.agreeing(FileNames.sanitize("\uD83D\uDE00".repeat(300) + ".png"), FileType.PNG);
        assertThat(name).endsWith("\uD83D\uDE00.png");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
    }

    @Test
    void generatedNamesAreRandomHexWithTheTypesExtension() {
        FileNames names = new FileNames(new SecureRandom());
        String a = names.generate(FileType.JPEG);
        assertThat(a).matches("[0-9a-f]{32}\\.jpg");
        assertThat(names.generate(FileType.JPEG)).isNotEqualTo(a);
    }
}
