package dev.parley.chat.cloudinary;

import com.cloudinary.Cloudinary;
import com.cloudinary.Uploader;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import dev.parley.chat.file.FileStorage;
import dev.parley.chat.file.FileToStore;
import dev.parley.chat.file.StoredFile;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FileStorage} on Cloudinary: images go to {@code <prefix>/chat/images/} as resource type {@code image},
 * documents to {@code <prefix>/chat/files/} as resource type {@code raw}, each under the name the core generated.
 * Credentials come from the given {@link Cloudinary} or a {@code cloudinary://} URL (e.g. the {@code CLOUDINARY_URL}
 * environment variable), never from code. Every Cloudinary failure becomes a STORAGE_UNAVAILABLE error.
 */
public final class CloudinaryFileStorage implements FileStorage {

    /** The timeout, in seconds, given to a Cloudinary configured without one (the SDK's default is to wait forever). */
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    private static final Logger log = LoggerFactory.getLogger(CloudinaryFileStorage.class);
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*");
    private static final String URL_FORM = "cloudinary://<api key>:<api secret>@<cloud name>";

    private final Uploader uploader;
    private final String imagesFolder;
    private final String filesFolder;

    /**
     * Stores files with this Cloudinary client. A client whose {@code timeout} is not set gets
     * {@link #DEFAULT_TIMEOUT_SECONDS}.
     *
     * @param cloudinary   the configured client (cloud name, API key and secret)
     * @param folderPrefix the folder above {@code chat/images} and {@code chat/files}, e.g. {@code acme}; blank for
     *                     none; letters, digits, {@code _}, {@code -} and {@code /} between segments
     */
    public CloudinaryFileStorage(Cloudinary cloudinary, String folderPrefix) {
        Objects.requireNonNull(cloudinary, "cloudinary");
        String prefix = normalisePrefix(folderPrefix);
        if (cloudinary.config.timeout <= 0) {
            cloudinary.config.timeout = DEFAULT_TIMEOUT_SECONDS;
        }
        // one Uploader: each call of cloudinary.uploader() builds a new HTTP client
        this.uploader = cloudinary.uploader();
        this.imagesFolder = prefix.isEmpty() ? "chat/images" : prefix + "/chat/images";
        this.filesFolder = prefix.isEmpty() ? "chat/files" : prefix + "/chat/files";
    }

    /**
     * Stores files in the cloud a {@code cloudinary://<api key>:<api secret>@<cloud name>} URL names; the URL may
     * carry settings as query parameters (e.g. {@code ?timeout=30}). Errors never repeat the URL, which holds the
     * secret.
     */
    public static CloudinaryFileStorage fromUrl(String cloudinaryUrl, String folderPrefix) {
        if (cloudinaryUrl == null || !cloudinaryUrl.strip().startsWith("cloudinary://")) {
            throw new IllegalArgumentException("a Cloudinary URL has the form " + URL_FORM);
        }
        Cloudinary cloudinary;
        try {
            cloudinary = new Cloudinary(cloudinaryUrl.strip());
        } catch (RuntimeException e) {
            // not chained: the cause's message may quote the URL and its secret
            throw new IllegalArgumentException("the Cloudinary URL could not be read; expected " + URL_FORM);
        }
        if (blank(cloudinary.config.cloudName) || blank(cloudinary.config.apiKey)
                || blank(cloudinary.config.apiSecret)) {
            throw new IllegalArgumentException("the Cloudinary URL lacks the cloud name, API key or API secret; "
                    + "expected " + URL_FORM);
        }
        return new CloudinaryFileStorage(cloudinary, folderPrefix);
    }

    @Override
    public StoredFile store(FileToStore file) {
        boolean image = file.type().isImage();
        Map<String, Object> options = new HashMap<>();
        options.put("folder", image ? imagesFolder : filesFolder);
        // images get their format from Cloudinary; raw files keep the extension in their public id
        options.put("public_id", image ? stem(file.storedName()) : file.storedName());
        options.put("resource_type", image ? "image" : "raw");
        options.put("filename", file.storedName());
        options.put("overwrite", false);
        options.put("unique_filename", false);
        options.put("use_filename", false);
        Map<?, ?> result = call("upload " + file.storedName(), () -> uploader.upload(file.content(), options));
        String url = text(result.get("secure_url"));
        String publicId = text(result.get("public_id"));
        if (url == null || publicId == null) {
            log.warn("Cloudinary answered an upload of {} without secure_url or public_id", file.storedName());
            throw unavailable(null);
        }
        long size = result.get("bytes") instanceof Number n ? n.longValue() : file.content().length;
        log.debug("Stored {} in Cloudinary as {}", file.storedName(), publicId);
        return new StoredFile(url, publicId, file.originalName(), size, file.type().mimeType());
    }

    /** Deletes by public id; an id outside this storage's folders, or already gone, is ignored. */
    @Override
    public void delete(String publicId) {
        String resourceType = publicId.startsWith(imagesFolder + "/") ? "image"
                : publicId.startsWith(filesFolder + "/") ? "raw" : null;
        if (resourceType == null) {
            log.debug("Not deleting {}: not in {} or {}", publicId, imagesFolder, filesFolder);
            return;
        }
        Map<String, Object> options = new HashMap<>();
        options.put("resource_type", resourceType);
        options.put("invalidate", true);
        Map<?, ?> result = call("delete " + publicId, () -> uploader.destroy(publicId, options));
        Object outcome = result.get("result");
        if (!"ok".equals(outcome) && !"not found".equals(outcome)) {
            log.warn("Cloudinary answered '{}' to deleting {}", outcome, publicId);
            throw unavailable(null);
        }
    }

    /** The folder images go to. */
    public String imagesFolder() {
        return imagesFolder;
    }

    /** The folder documents go to. */
    public String filesFolder() {
        return filesFolder;
    }

    private Map<?, ?> call(String what, CloudinaryCall call) {
        try {
            Map<?, ?> result = call.run();
            return result == null ? Map.of() : result;
        } catch (IOException | RuntimeException e) {
            // the SDK reports HTTP errors (401, 4xx, 5xx) as RuntimeException, timeouts and refused connections as
            // IOException; neither carries the secret
            log.warn("Cloudinary could not {}: {}", what, e.toString());
            throw unavailable(e);
        }
    }

    private static ParleyException unavailable(@Nullable Exception cause) {
        String message = "the file storage is unavailable; try again later";
        return cause == null ? new ParleyException(ErrorCode.STORAGE_UNAVAILABLE, message)
                : new ParleyException(ErrorCode.STORAGE_UNAVAILABLE, message, cause);
    }

    private static String normalisePrefix(@Nullable String prefix) {
        String p = prefix == null ? "" : prefix.strip().replaceAll("^/+|/+$", "");
        if (!p.isEmpty() && !PREFIX.matcher(p).matches()) {
            throw new IllegalArgumentException("folderPrefix '" + p + "' may hold only letters, digits, '_', '-' and "
                    + "'/' between segments");
        }
        return p;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static @Nullable String text(@Nullable Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /** One SDK call. */
    @FunctionalInterface
    private interface CloudinaryCall {
        @Nullable Map<?, ?> run() throws IOException;
    }
}
