package dev.parley.chat.mail;

import dev.parley.chat.notification.NotificationCodec;
import dev.parley.chat.notification.Notification;
import dev.parley.chat.notification.NotificationPort;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link NotificationPort} over SMTP: renders each notification with {@link MailTemplates} into one
 * multipart/alternative email (plain text and HTML) to all its recipients and sends it with Jakarta Mail (Eclipse
 * Angus). Any failure throws, so the outbox retries the notification later; connect, read and write timeouts keep a
 * hung server from holding the dispatcher.
 *
 * <p>One SMTP connection is kept open between emails sent in a row (checked with a NOOP before reuse, dropped after
 * {@value #MAX_IDLE_SECONDS} seconds idle or any error), so a backlog after an outage is not one TLS handshake and login
 * per email. A thread that finds it busy opens a connection of its own. {@link #close()} closes it.
 *
 * <p>Header safety: the subject and sender name are folded into one line without control characters, and each
 * recipient must be one bare address, so nothing a visitor typed can add a header or a recipient.
 */
public final class MailNotifier implements NotificationPort, AutoCloseable {

    /** Header naming the chat an email is about, for mail filters. */
    public static final String CHAT_ID_HEADER = "X-Parley-Chat-Id";
    /** Header naming the kind of notification ({@code NEW_CHAT}, {@code OFFLINE_MESSAGES}, {@code AGENT_AVAILABLE}). */
    public static final String KIND_HEADER = "X-Parley-Notification";

    /** How long an idle connection is kept for the next email. */
    public static final int MAX_IDLE_SECONDS = 20;

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);
    private static final String PROTOCOL = "smtp";

    private final MailSettings settings;
    private final MailTemplates templates;
    private final Session session;
    private final InternetAddress from;
    private final NotificationCodec codec = new NotificationCodec();
    private final ScheduledExecutorService writeTimeouts;
    private final ReentrantLock reuse = new ReentrantLock();
    private @Nullable Transport open; // guarded by reuse
    private long openLastUsed; // System.nanoTime(), guarded by reuse

    /** A notifier with the built-in templates, overridden by {@link MailSettings#templateLocation()} if set. */
    public MailNotifier(MailSettings settings) {
        this(settings, TemplateLoader.fromLocation(settings.templateLocation()));
    }

    /** A notifier whose templates are looked up in {@code overrides} first, then among the built-in ones. */
    public MailNotifier(MailSettings settings, TemplateLoader overrides) {
        this.settings = settings;
        this.templates = new MailTemplates(settings, overrides);
        // Angus enforces the write timeout with a scheduler; by default one non-daemon thread per connection, which
        // would keep the JVM alive while a connection is kept open. One daemon thread per notifier instead.
        this.writeTimeouts = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-mail-write-timeout");
            t.setDaemon(true);
            return t;
        });
        Properties props = sessionProperties(settings);
        props.put("mail." + PROTOCOL + ".executor.writetimeout", writeTimeouts);
        this.session = Session.getInstance(props);
        try {
            this.from = new InternetAddress(settings.fromAddress(),
                    MailChecks.oneLine(settings.fromName(), 100), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** The Jakarta Mail session properties for these settings: server, security and the three timeouts. */
    static Properties sessionProperties(MailSettings s) {
        String p = "mail." + PROTOCOL + ".";
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", PROTOCOL);
        props.setProperty(p + "host", s.host());
        props.setProperty(p + "port", Integer.toString(s.port()));
        props.setProperty(p + "from", s.fromAddress());
        props.setProperty(p + "auth", Boolean.toString(s.username() != null));
        props.setProperty(p + "connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
        props.setProperty(p + "timeout", Long.toString(s.readTimeout().toMillis()));
        props.setProperty(p + "writetimeout", Long.toString(s.writeTimeout().toMillis()));
        if (s.security() == MailSecurity.SSL) {
            props.setProperty(p + "ssl.enable", "true");
            props.setProperty(p + "ssl.checkserveridentity", "true");
        } else if (s.security() == MailSecurity.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        return props;
    }

    /** The settings in use. */
    public MailSettings settings() {
        return settings;
    }

    /** The templates in use, e.g. to preview an email. */
    public MailTemplates templates() {
        return templates;
    }

    /**
     * Renders and sends the notification to all its valid recipients in one message.
     *
     * @throws MessagingException when the server cannot be reached or refuses the message, or when no recipient is a
     *                            valid address; the outbox then retries (and finally marks the item failed)
     */
    @Override
    public void deliver(Notification notification) throws MessagingException {
        List<InternetAddress> to = recipients(notification);
        if (to.isEmpty()) {
            throw new MessagingException("notification " + codec.kind(notification) + " for chat "
                    + notification.chatId() + " has no valid recipient address");
        }
        MimeMessage message = build(notification, templates.render(notification), to);
        if (reuse.tryLock()) {
            try {
                sendOnOpenConnection(message);
            } finally {
                reuse.unlock();
            }
        } else {
            try (Transport transport = connect()) {
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        log.debug("Sent {} email for chat {} to {} recipient(s)", codec.kind(notification), notification.chatId(),
                to.size());
    }

    /**
     * Connects to the SMTP server, says hello (EHLO, STARTTLS and login as configured) and disconnects; for health
     * checks.
     *
     * @throws Exception (a {@link MessagingException}) when the server cannot be reached or refuses the login
     */
    public void checkConnection() throws Exception {
        connect().close();
    }

    /** Closes the connection kept open for the next email, if any, and the write-timeout thread. */
    @Override
    public void close() {
        reuse.lock();
        try {
            dropOpenConnection();
        } finally {
            reuse.unlock();
        }
        writeTimeouts.shutdownNow();
    }

    private void sendOnOpenConnection(MimeMessage message) throws MessagingException {
        Transport transport = open;
        boolean fresh = transport == null
                || System.nanoTime() - openLastUsed > TimeUnit.SECONDS.toNanos(MAX_IDLE_SECONDS)
                || !transport.isConnected();
        if (fresh) {
            dropOpenConnection();
            transport = connect();
            open = transport;
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            openLastUsed = System.nanoTime();
        } catch (MessagingException | RuntimeException e) {
            dropOpenConnection();
            throw e;
        }
    }

    private void dropOpenConnection() {
        Transport transport = open;
        open = null;
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                log.debug("Closing the SMTP connection failed; it is dropped anyway", e);
            }
        }
    }

    private Transport connect() throws MessagingException {
        Transport transport = session.getTransport(PROTOCOL);
        transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
        return transport;
    }

    MimeMessage build(Notification notification, RenderedEmail email, List<InternetAddress> to)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, to.toArray(new InternetAddress[0]));
        message.setSubject(MailChecks.oneLine(email.subject(), 200), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader(CHAT_ID_HEADER, Long.toString(notification.chatId()));
        message.setHeader(KIND_HEADER, codec.kind(notification));

        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static List<InternetAddress> recipients(Notification notification) {
        List<InternetAddress> to = new ArrayList<>();
        for (String r : notification.recipients()) {
            try {
                InternetAddress a = MailChecks.address(r);
                if (!to.contains(a)) {
                    to.add(a);
                }
            } catch (AddressException e) {
                log.warn("Skipping an invalid recipient address of {} for chat {}: {}",
                        notification.getClass().getSimpleName(), notification.chatId(), e.getMessage());
                log.debug("The invalid address was '{}'", r);
            }
        }
        return to;
    }
}
