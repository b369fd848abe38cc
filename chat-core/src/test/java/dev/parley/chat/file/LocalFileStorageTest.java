package dev.parley.chat.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStorageTest {

    @TempDir
    Path dir;

    @Test
    void imagesAndDocumentsGoToTheirFoldersAndAreServedUnderTheUrlBase() throws IOException {
        LocalFileStorage storage = new LocalFileStorage(dir.resolve("uploads"), "https://cdn.example/parley/");

        StoredFile image = storage.store(file("0123abcd.png", FileType.PNG, TestFiles.png()));
        StoredFile doc = storage.store(file("4567ef.pdf", FileType.PDF, TestFiles.pdf()));

        assertThat(image.publicId()).isEqualTo("images/0123abcd.png");
        assertThat(image.url()).isEqualTo("https://cdn.example/parley/images/0123abcd.png");
        assertThat(doc.publicId()).isEqualTo("files/4567ef.pdf");
        assertThat(Files.readAllBytes(dir.resolve("uploads/files/4567ef.pdf"))).isEqualTo(TestFiles.pdf());
        assertThat(storage.resolve(doc.publicId())).isEqualTo(dir.resolve("uploads/files/4567ef.pdf"));
    }

    @Test
    void anExistingFileIsNeverOverwritten() {
        LocalFileStorage storage = new LocalFileStorage(dir, "/files");
        storage.store(file("same.png", FileType.PNG, TestFiles.png()));

        assertThatThrownBy(() -> storage.store(file("same.png", FileType.PNG, TestFiles.pngFollowedByHtml())))
                .isInstanceOfSatisfying(ParleyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
        assertThat(dir.resolve("images/same.png")).hasBinaryContent(TestFiles.png());
    }

    @Test
    void publicIdsThatCouldLeaveTheDirectoryResolveToNothing() {
        LocalFileStorage storage = new LocalFileStorage(dir, "/files");
        for (String id : new String[] {"../secret.txt", "images/../../secret.txt", "images/..", "/etc/passwd",
            "images/a/b.png", "other/a.png", "images/.hidden", "images\\..\\x", "images/", ""}) {
            assertThatThrownBy(() -> storage.resolve(id)).as(id)
                    .isInstanceOfSatisfying(ParleyException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
    }

    @Test
    void storedNamesThatAreNotSafeAreRefused() {
        LocalFileStorage storage = new LocalFileStorage(dir, "/files");
        assertThatThrownBy(() -> storage.store(file("../escape.png", FileType.PNG, TestFiles.png())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void deletingRemovesTheFileAndIgnoresMissingOrForeignIds() throws IOException {
        LocalFileStorage storage = new LocalFileStorage(dir, "/files");
        Path outside = Files.writeString(dir.resolve("keep.txt"), "keep");
        StoredFile stored = storage.store(file("gone.png", FileType.PNG, TestFiles.png()));

        storage.delete(stored.publicId());
        storage.delete(stored.publicId());
        storage.delete("images/../keep.txt");

        assertThat(dir.resolve("images/gone.png")).doesNotExist();
        assertThat(outside).exists();
    }

    private static FileToStore file(String storedName, FileType type, byte[] content) {
        return new FileToStore(1, storedName, "original." + type.extension(), type, content);
    }
}
