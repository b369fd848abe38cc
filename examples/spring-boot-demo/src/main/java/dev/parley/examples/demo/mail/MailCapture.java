package dev.parley.examples.demo.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's embedded SMTP server (GreenMail on loopback): it accepts every email Parley sends and keeps it in
 * memory, so that the dashboard can show notifications without an SMTP account.
 */
public final class MailCapture implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailCapture.class);

    private final GreenMail greenMail;

    /** Starts the server on the given loopback port. */
    public MailCapture(int port) {
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        log.info("Capturing Parley's emails with an embedded SMTP server on 127.0.0.1:{}", port);
    }

    /** The port the server listens on. */
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /**
     * Every email received, newest first. The server keeps one copy per recipient; copies of the same message
     * (same Message-ID) are shown once with all their recipients.
     */
    public List<CapturedEmail> emails() {
        Map<String, List<MimeMessage>> byId = new LinkedHashMap<>();
        MimeMessage[] received = greenMail.getReceivedMessages();
        for (int i = 0; i < received.length; i++) {
            MimeMessage m = received[i];
            String id = messageId(m, i);
            byId.computeIfAbsent(id, k -> new ArrayList<>()).add(m);
        }
        List<CapturedEmail> result = new ArrayList<>();
        byId.forEach((id, copies) -> result.add(toEmail(id, copies)));
        result.sort(Comparator.comparing(CapturedEmail::receivedAt).reversed());
        return result;
    }

    /** Forgets every captured email. */
    public void clear() {
        greenMail.reset();
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static String messageId(MimeMessage m, int index) {
        try {
            String id = m.getMessageID();
            return id == null ? "message-" + index : id;
        } catch (MessagingException e) {
            return "message-" + index;
        }
    }

    private static CapturedEmail toEmail(String id, List<MimeMessage> copies) {
        MimeMessage first = copies.get(0);
        try {
            Set<String> recipients = new LinkedHashSet<>();
            for (MimeMessage copy : copies) {
                Address[] to = copy.getRecipients(Message.RecipientType.TO);
                if (to != null) {
                    Arrays.stream(to).map(Address::toString).forEach(recipients::add);
                }
            }
            Bodies bodies = new Bodies();
            bodies.collect(first);
            Instant at = first.getSentDate() != null ? first.getSentDate().toInstant()
                    : first.getReceivedDate() != null ? first.getReceivedDate().toInstant() : Instant.EPOCH;
            Address[] from = first.getFrom();
            return new CapturedEmail(id, from == null || from.length == 0 ? "" : from[0].toString(),
                    List.copyOf(recipients), first.getSubject() == null ? "" : first.getSubject(), at,
                    bodies.text, bodies.html);
        } catch (MessagingException | IOException e) {
            log.warn("Could not read a captured email: {}", e.toString());
            return new CapturedEmail(id, "", List.of(), "(unreadable email)", Instant.EPOCH, null, null);
        }
    }

    /** The first text/plain and text/html parts of a message. */
    private static final class Bodies {
        private @Nullable String text;
        private @Nullable String html;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain") && text == null && !isAttachment(part)) {
                text = part.getContent().toString();
            } else if (part.isMimeType("text/html") && html == null && !isAttachment(part)) {
                html = part.getContent().toString();
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
        }

        private static boolean isAttachment(Part part) throws MessagingException {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        }
    }
}
