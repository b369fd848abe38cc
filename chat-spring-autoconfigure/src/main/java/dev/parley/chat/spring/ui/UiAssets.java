package dev.parley.chat.spring.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of chat-ui and the content hash that versions their URLs: it changes whenever any file changes, so a
 * versioned URL can be cached for good.
 *
 * @param location the classpath location of the files
 * @param version  a hash of every file's name and content (12 hex digits)
 */
record UiAssets(String location, String version) {

    /** Where chat-ui keeps its files. */
    static final String LOCATION = "classpath:/META-INF/resources/parley/";

    /** The file whose presence means chat-ui is on the classpath. */
    static final String MARKER = "classpath:META-INF/resources/parley/widget.js";

    /** Hashes the files found at {@link #LOCATION}. */
    static UiAssets load(ClassLoader loader) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(loader)
                    .getResources("classpath*:META-INF/resources/parley/**/*.*");
            Arrays.sort(files, Comparator.comparing(UiAssets::name));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Resource file : files) {
                if (!file.isReadable()) {
                    continue;
                }
                String name = name(file);
                digest.update(name.substring(name.indexOf("META-INF/resources/parley/")).getBytes());
                try (InputStream in = file.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return new UiAssets(LOCATION, HexFormat.of().formatHex(digest.digest()).substring(0, 12));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chat-ui files", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Resource r) {
        try {
            return r.getURL().toString();
        } catch (IOException e) {
            return String.valueOf(r.getFilename());
        }
    }
}
