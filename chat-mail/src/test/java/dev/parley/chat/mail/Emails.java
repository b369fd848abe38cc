package dev.parley.chat.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reading received emails in tests. */
final class Emails {

    private Emails() {}

    static String html(MimeMessage m) {
        return part(m, "text/html");
    }

    static String text(MimeMessage m) {
        return part(m, "text/plain");
    }

    static List<String> to(MimeMessage m) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            if (values == null || values.length != 1) {
                throw new AssertionError("expected one " + name + " header, got " + Arrays.toString(values));
            }
            return values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message as sent over the wire. */
    static String raw(MimeMessage m) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the top-level headers of the raw message, continuation lines joined to their header. */
    static List<String> rawHeaderNames(MimeMessage m) {
        String raw = raw(m).replace("\r\n", "\n");
        String head = raw.substring(0, raw.indexOf("\n\n"));
        List<String> names = new ArrayList<>();
        for (String line : head.split("\n")) {
            if (line.startsWith(" ") || line.startsWith("\t")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new AssertionError("a header line without a name: " + line);
            }
            names.add(line.substring(0, colon));
        }
        return names;
    }

    private static String part(MimeMessage m, String type) {
        try {
            MimeMultipart alternative = (MimeMultipart) m.getContent();
            if (!alternative.getContentType().startsWith("multipart/alternative")) {
                throw new AssertionError("not multipart/alternative: " + alternative.getContentType());
            }
            for (int i = 0; i < alternative.getCount(); i++) {
                BodyPart p = alternative.getBodyPart(i);
                if (p.isMimeType(type)) {
                    return (String) p.getContent();
                }
            }
            throw new AssertionError("no " + type + " part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
