package dev.parley.chat.store.memory;

import dev.parley.chat.store.AnalyticsQueries;
import dev.parley.chat.store.AssignmentRecords;
import dev.parley.chat.store.ArticleRecords;
import dev.parley.chat.store.CannedResponseRecords;
import dev.parley.chat.store.ChatRecords;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.DepartmentRecords;
import dev.parley.chat.store.EventRecords;
import dev.parley.chat.store.FileRecords;
import dev.parley.chat.store.HoursRecords;
import dev.parley.chat.store.MessageRecords;
import dev.parley.chat.store.OutboxRecords;
import dev.parley.chat.store.PresenceRecords;
import dev.parley.chat.store.Transactions;
import dev.parley.chat.store.WebhookRecords;

/** A {@link ChatStore} in memory: safe under concurrent use, transactional, lost when the process ends. */
public final class InMemoryChatStore implements ChatStore {

    private final MemoryTransactions tx = new MemoryTransactions();
    private final MemoryMessages messages = new MemoryMessages(tx);
    private final MemoryChats chats = new MemoryChats(tx, messages);
    private final MemoryDepartments departments = new MemoryDepartments(tx);
    private final MemoryArticles articles = new MemoryArticles(tx);
    private final MemoryPresence presence = new MemoryPresence(tx);
    private final MemoryOutbox outbox = new MemoryOutbox(tx, chats);
    private final MemoryFiles files = new MemoryFiles(tx, messages);
    private final MemoryHours hours = new MemoryHours(tx);
    private final MemoryCannedResponses canned = new MemoryCannedResponses(tx);
    private final MemoryAnalytics analytics = new MemoryAnalytics(tx, chats);
    private final MemoryWebhooks webhooks = new MemoryWebhooks(tx);
    private final MemoryEvents events = new MemoryEvents(tx);
    private final MemoryAssignment assignment = new MemoryAssignment(tx, chats, departments);

    @Override
    public Transactions transactions() {
        return tx;
    }

    @Override
    public ChatRecords chats() {
        return chats;
    }

    @Override
    public MessageRecords messages() {
        return messages;
    }

    @Override
    public DepartmentRecords departments() {
        return departments;
    }

    @Override
    public ArticleRecords articles() {
        return articles;
    }

    @Override
    public PresenceRecords presence() {
        return presence;
    }

    @Override
    public OutboxRecords outbox() {
        return outbox;
    }

    @Override
    public FileRecords files() {
        return files;
    }

    @Override
    public AnalyticsQueries analytics() {
        return analytics;
    }

    @Override
    public HoursRecords hours() {
        return hours;
    }

    @Override
    public WebhookRecords webhooks() {
        return webhooks;
    }

    @Override
    public EventRecords events() {
        return events;
    }

    @Override
    public CannedResponseRecords cannedResponses() {
        return canned;
    }

    @Override
    public AssignmentRecords assignment() {
        return assignment;
    }
}
