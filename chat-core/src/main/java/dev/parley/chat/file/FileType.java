package dev.parley.chat.file;

import java.util.Set;

/** The file types Parley can accept; which ones a host allows is configured in {@link UploadPolicy}. */
public enum FileType {
    /** JPEG image. */
    JPEG("image/jpeg", Set.of("jpg", "jpeg"), true),
    /** PNG image. */
    PNG("image/png", Set.of("png"), true),
    /** GIF image. */
    GIF("image/gif", Set.of("gif"), true),
    /** WEBP image. */
    WEBP("image/webp", Set.of("webp"), true),
    /** PDF document. */
    PDF("application/pdf", Set.of("pdf"), false),
    /** Legacy Word document (OLE2 compound file). */
    DOC("application/msword", Set.of("doc"), false),
    /** Word document (OOXML zip holding word/document.xml). */
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx"), false);

    private final String mimeType;
    private final Set<String> extensions;
    private final boolean image;

    FileType(String mimeType, Set<String> extensions, boolean image) {
        this.mimeType = mimeType;
        this.extensions = extensions;
        this.image = image;
    }

    /** The MIME type. */
    public String mimeType() {
        return mimeType;
    }

    /** File name extensions (lower case, without dot) that agree with this type. */
    public Set<String> extensions() {
        return extensions;
    }

    /** Whether this is an image (shown inline, message type IMAGE). */
    public boolean isImage() {
        return image;
    }
}
