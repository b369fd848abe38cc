package dev.parley.chat.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Finds a host's own email templates by file name (e.g. {@code new-chat.html.mustache}); a template it does not have
 * falls back to the built-in one. See {@code docs/notifications.md} for the names and the values they receive.
 */
@FunctionalInterface
public interface TemplateLoader {

    /** The template's text (UTF-8), or null when this loader does not have it. */
    @Nullable Reader open(String name) throws IOException;

    /** A loader that has no template: every email uses the built-in templates. */
    static TemplateLoader none() {
        return name -> null;
    }

    /** Templates in a directory; names that would leave it are refused. */
    static TemplateLoader directory(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        return name -> {
            Path file = root.resolve(name).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                return null;
            }
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        };
    }

    /** Templates on the class path under a prefix such as {@code mail/templates}. */
    static TemplateLoader classpath(String prefix, ClassLoader classLoader) {
        Objects.requireNonNull(classLoader, "classLoader");
        String root = prefix.strip().replaceAll("^/+", "").replaceAll("/+$", "");
        return name -> {
            if (name.contains("..")) {
                return null;
            }
            InputStream in = classLoader.getResourceAsStream(root.isEmpty() ? name : root + "/" + name);
            return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
        };
    }

    /**
     * The loader for {@link MailSettings#templateLocation()}: {@code classpath:prefix} for the class path (of this
     * thread's context class loader, or of Parley's), {@code file:/dir} or a plain path for a directory, null for
     * none.
     */
    static TemplateLoader fromLocation(@Nullable String location) {
        if (location == null || location.isBlank()) {
            return none();
        }
        String v = location.strip();
        if (v.startsWith("classpath:")) {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            return classpath(v.substring("classpath:".length()),
                    cl != null ? cl : TemplateLoader.class.getClassLoader());
        }
        if (v.startsWith("file:")) {
            String rest = v.substring("file:".length());
            return directory(rest.startsWith("//") ? Path.of(URI.create(v)) : Path.of(rest));
        }
        return directory(Path.of(v));
    }
}
