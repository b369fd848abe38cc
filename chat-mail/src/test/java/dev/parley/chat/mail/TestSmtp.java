package dev.parley.chat.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A real SMTP server (GreenMail) on a free loopback port that the test can stop and start again on the same port,
 * to play an SMTP outage.
 */
final class TestSmtp implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final int port;
    private @Nullable GreenMail server;

    private TestSmtp(int port) {
        this.port = port;
    }

    /** A server on a free port, started. */
    static TestSmtp started() {
        TestSmtp smtp = new TestSmtp(freePort());
        smtp.start();
        return smtp;
    }

    /** A free port with nothing listening on it (yet). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GreenMail setup on loopback that tolerates a slow start on a busy machine. */
    static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, HOST, protocol);
        setup.setServerStartupTimeout(30_000);
        return setup;
    }

    int port() {
        return port;
    }

    /** Starts the server (with an empty mailbox store). */
    void start() {
        if (server == null) {
            GreenMail g = new GreenMail(setup(port, ServerSetup.PROTOCOL_SMTP));
            g.start();
            server = g;
        }
    }

    /** Stops it: connections to the port are refused. What it received so far is kept. */
    void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    GreenMail greenMail() {
        if (server == null) {
            throw new IllegalStateException("the SMTP server is stopped");
        }
        return server;
    }

    /** Every message received since the last start, one per recipient. */
    List<MimeMessage> received() {
        return List.of(greenMail().getReceivedMessages());
    }

    /** Settings for a notifier that talks plain SMTP to this server. */
    MailSettings.Builder settings() {
        return MailSettings.builder()
                .host(HOST)
                .port(port)
                .security(MailSecurity.NONE)
                .fromAddress("support@parley.test")
                .fromName("Parley Support")
                .dashboardUrl("https://support.parley.test/admin/chats/{chatId}");
    }

    @Override
    public void close() {
        stop();
    }
}
