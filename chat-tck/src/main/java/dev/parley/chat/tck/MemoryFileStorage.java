package dev.parley.chat.tck;

import dev.parley.chat.file.FileStorage;
import dev.parley.chat.file.FileToStore;
import dev.parley.chat.file.StoredFile;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link FileStorage} in memory, so that the suites can upload through the real upload service. */
public final class MemoryFileStorage implements FileStorage {

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    @Override
    public StoredFile store(FileToStore file) {
        String publicId = (file.type().isImage() ? "images/" : "files/") + file.storedName();
        objects.put(publicId, file.content().clone());
        return new StoredFile("/tck-files/" + publicId, publicId, file.originalName(), file.content().length,
                file.type().mimeType());
    }

    @Override
    public void delete(String publicId) {
        objects.remove(publicId);
    }

    /** The public ids of the stored objects. */
    public Set<String> publicIds() {
        return Set.copyOf(objects.keySet());
    }
}
