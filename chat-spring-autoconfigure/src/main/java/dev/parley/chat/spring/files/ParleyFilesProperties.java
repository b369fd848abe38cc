package dev.parley.chat.spring.files;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * File storage under {@code parley.files.*}.
 *
 * @param local      the local file system (the default storage)
 * @param cloudinary Cloudinary (used when a URL is configured)
 */
@ConfigurationProperties("parley.files")
public record ParleyFilesProperties(@DefaultValue Local local, @DefaultValue Cloudinary cloudinary) {

    /**
     * Files on the local disk.
     *
     * @param directory the directory uploads are written to (created when missing)
     * @param urlBase   the URL path under which Parley serves them
     * @param serve     whether Parley serves the files itself (turn off when a web server or CDN does)
     */
    public record Local(
            @DefaultValue("parley-uploads") Path directory,
            @DefaultValue("/parley/files") String urlBase,
            @DefaultValue("true") boolean serve) {}

    /**
     * Files on Cloudinary.
     *
     * @param url          the Cloudinary URL, cloudinary://key:secret@cloud (falls back to the CLOUDINARY_URL
     *                     environment variable); never commit it
     * @param folderPrefix the folder prefix: images go to {prefix}/chat/images, documents to {prefix}/chat/files
     */
    public record Cloudinary(@Nullable String url, @DefaultValue("parley") String folderPrefix) {

        /** Hides the credentials. */
        @Override
        public String toString() {
            return "Cloudinary[url=" + (url == null ? "unset" : "***") + ", folderPrefix=" + folderPrefix + "]";
        }
    }
}
