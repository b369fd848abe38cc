package dev.parley.examples.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainJavaExampleTest {

    @Test
    void runsTwoChatsOnH2AndPrintsTheReportWithTheRating(@TempDir Path dir) {
        System.setProperty("parley.example.jdbc-url", "jdbc:h2:" + dir.resolve("db").toAbsolutePath());
        PrintStream original = System.out;
        var out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            PlainJavaExample.main(new String[0]);
        } finally {
            System.setOut(original);
            System.clearProperty("parley.example.jdbc-url");
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("[ADMIN] Hi Grace, we do!")
                .contains("totalChats=2, activeChats=1, resolvedChats=1, resolutionRate=50.0, avgRating=5.0")
                .contains("rating distribution {1=0, 2=0, 3=0, 4=0, 5=1}");
    }
}
