package dev.parley.chat.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Escaping of values written into HTML text and quoted attributes. */
final class Html {

    private Html() {}

    /**
     * Writes the value with {@code & < > " ' ` =} as character references and control characters other than tab
     * and line breaks left out. Unlike Mustache's own escaper it also escapes what already looks like an entity, so
     * the reader sees exactly what the visitor typed.
     */
    static void escape(String value, Writer out) {
        try {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&' -> out.write("&amp;");
                    case '<' -> out.write("&lt;");
                    case '>' -> out.write("&gt;");
                    case '"' -> out.write("&quot;");
                    case '\'' -> out.write("&#39;");
                    case '`' -> out.write("&#96;");
                    case '=' -> out.write("&#61;");
                    default -> {
                        if (!Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t') {
                            out.write(c);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
