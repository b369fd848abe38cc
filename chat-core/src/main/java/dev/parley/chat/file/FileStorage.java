package dev.parley.chat.file;

/** Stores validated files. The local file system is the default; Cloudinary is an adapter. */
public interface FileStorage {

    /** Stores the bytes and answers where they are; throws a STORAGE_UNAVAILABLE {@code ParleyException} on failure. */
    StoredFile store(FileToStore file);

    /** Deletes a stored file by its public id; deleting a missing file does nothing. */
    void delete(String publicId);
}
