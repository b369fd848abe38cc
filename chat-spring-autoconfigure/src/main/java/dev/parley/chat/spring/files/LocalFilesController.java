package dev.parley.chat.spring.files;

import dev.parley.chat.ParleyException;
import dev.parley.chat.file.FileStorage;
import dev.parley.chat.file.FileType;
import dev.parley.chat.file.LocalFileStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves files of the {@link LocalFileStorage}: only the allowed types, with their own content type, never sniffed
 * ({@code X-Content-Type-Options: nosniff}), sandboxed, and as attachments unless they are images.
 */
@RestController
final class LocalFilesController {

    private final FileStorage storage;

    LocalFilesController(FileStorage storage) {
        this.storage = storage;
    }

    @GetMapping("${parley.files.local.url-base:/parley/files}/{folder}/{name}")
    ResponseEntity<Resource> file(@PathVariable String folder, @PathVariable String name) {
        if (!(storage instanceof LocalFileStorage local)) {
            throw ParleyException.notFound("files are not stored locally");
        }
        Path path = local.resolve(folder + "/" + name);
        FileType type = typeOf(name);
        if (type == null || !Files.isRegularFile(path)) {
            throw ParleyException.notFound("no stored file '" + folder + "/" + name + "'");
        }
        boolean inline = type.isImage() && folder.equals("images");
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
        headers.setContentDisposition((inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name).build());
        return ResponseEntity.ok()
                .headers(headers)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .contentType(MediaType.parseMediaType(type.mimeType()))
                .body(new FileSystemResource(path));
    }

    private static @Nullable FileType typeOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : FileType.fromExtension(name.substring(dot + 1)).orElse(null);
    }
}
