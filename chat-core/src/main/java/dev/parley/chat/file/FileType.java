package dev.parley.chat.file;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file types Parley recognises by their content; which ones a host accepts is configured in
 * {@link UploadPolicy#allowedTypes()}.
 */
public enum FileType {
    /** JPEG image. */
    JPEG("image/jpeg", "jpg", Set.of("jpg", "jpeg"), true),
    /** PNG image. */
    PNG("image/png", "png", Set.of("png"), true),
    /** GIF image. */
    GIF("image/gif", "gif", Set.of("gif"), true),
    /** WEBP image. */
    WEBP("image/webp", "webp", Set.of("webp"), true),
    /** PDF document. */
    PDF("application/pdf", "pdf", Set.of("pdf"), false),
    /** Legacy Word document (OLE2 compound file holding a WordDocument stream). */
    DOC("application/msword", "doc", Set.of("doc"), false),
    /** Word document (OOXML zip holding word/document.xml). */
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", Set.of("docx"), false);

    private final String mimeType;
    private final String extension;
    private final Set<String> extensions;
    private final boolean image;

    FileType(String mimeType, String extension, Set<String> extensions, boolean image) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.extensions = extensions;
        this.image = image;
    }

    /** The MIME type, to serve the file with. */
    public String mimeType() {
        return mimeType;
    }

    /** The extension given to stored objects of this type (lower case, without dot). */
    public String extension() {
        return extension;
    }

    /** File name extensions (lower case, without dot) that agree with this type. */
    public Set<String> extensions() {
        return extensions;
    }

    /** Whether this is an image (shown inline, message type IMAGE); otherwise a document (message type FILE). */
    public boolean isImage() {
        return image;
    }

    /** The type a file name extension (without dot, any case) stands for, e.g. to serve a stored file. */
    public static Optional<FileType> fromExtension(String extension) {
        String e = extension.toLowerCase(Locale.ROOT);
        for (FileType t : values()) {
            if (t.extensions.contains(e)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
