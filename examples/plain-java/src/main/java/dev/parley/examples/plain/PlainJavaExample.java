package dev.parley.examples.plain;

import dev.parley.Parley;
import dev.parley.chat.AdminMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import dev.parley.chat.VisitorMessage;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.analytics.AnalyticsQuery;
import dev.parley.chat.analytics.AnalyticsReport;
import dev.parley.chat.jpa.JpaChatStore;
import dev.parley.chat.jpa.JpaStoreOptions;
import dev.parley.chat.presence.Heartbeat;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Parley in a plain Java program, stored by chat-jpa in an H2 file database under {@code ./data}: two chats,
 * replies, a rating, and the analytics report. Run it again and the report counts the earlier runs' chats too.
 */
public final class PlainJavaExample {

    private PlainJavaExample() {}

    /** Runs the example. */
    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j");   // Hibernate logs through SLF4J, quietly
        AdminDirectory admins = AdminDirectory.of(List.of(
                new Admin("ada", "Ada Lovelace", "ada@example.com", "agent", Set.of())));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(System.getProperty("parley.example.jdbc-url", "jdbc:h2:./data/plain-java-example;LOCK_TIMEOUT=10000"));
        try (JpaChatStore store = JpaChatStore.create(h2, JpaStoreOptions.DEFAULTS);
                Parley parley = Parley.builder().store(store).admins(admins).build()) {
            parley.start();

            PostedMessage first = parley.chats().startChat(
                    new StartChat("Grace", "grace@example.org", null, "sales", "Hello, do you ship to Norway?"));
            System.out.printf("Grace started chat %d in '%s' (admin online: %s, status %s)%n",
                    first.chat().id(), first.chat().department(), first.adminOnline(), first.chat().status());

            parley.presence().heartbeat("ada", Heartbeat.onlineForAll());
            parley.chats().postAdminMessage(AdminMessage.text(first.chat().id(), "ada", "Hi Grace, we do!"));
            parley.chats().postVisitorMessage(VisitorMessage.text(first.sessionId(), "Great, thanks."));
            parley.chats().updateChat(ChatUpdate.status(first.chat().id(), ChatStatus.RESOLVED));
            parley.chats().rateChat(first.sessionId(), 5, "Quick and friendly");

            PostedMessage second = parley.chats().startChat(
                    new StartChat("Linus", null, null, "technical", "The app does not load."));
            parley.chats().postAdminMessage(AdminMessage.text(second.chat().id(), "ada", "Which browser?"));

            for (var m : parley.chats().readChat(first.sessionId(), null).messages()) {
                System.out.printf("  [%s] %s%n", m.sender(), m.message());
            }

            AnalyticsReport report = parley.analytics().calculate(new AnalyticsQuery(7, ZoneId.of("UTC")));
            System.out.println("Analytics for the last 7 days:");
            System.out.println("  summary:            " + report.summary());
            System.out.println("  departments:        " + report.departmentStats());
            System.out.println("  daily volume:       " + report.dailyVolume());
            System.out.println("  rating distribution " + report.ratingDistribution());
            System.out.println("  top rated:          " + report.topRatedChats());
        }
    }
}
