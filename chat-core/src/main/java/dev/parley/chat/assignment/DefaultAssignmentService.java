package dev.parley.chat.assignment;

import dev.parley.chat.AssignmentMode;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ParleyException;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.ChatEventListener;
import dev.parley.chat.event.EventBus;
import dev.parley.chat.internal.Checks;
import dev.parley.chat.presence.PresenceTracker;
import dev.parley.chat.store.ChatStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic assignment over the store. It listens to the change events of its node and drains the queues on every
 * change that can free or add capacity or add a chat: a new chat, an admin coming online, a chat resolved, closed,
 * reassigned or unassigned, a department changed; {@link #setMode} and {@link #setCapacity} drain too, and
 * {@link #sweep()} is the periodic safety net. The assignments it makes publish {@code ChatUpdated} events itself;
 * those do not trigger another drain on the thread that is draining.
 */
public final class DefaultAssignmentService implements AssignmentService, ChatEventListener {

    /** The longest queue {@link #queue} answers. */
    public static final int MAX_LIST = 500;

    private static final Logger log = LoggerFactory.getLogger(DefaultAssignmentService.class);

    private final ChatStore store;
    private final AdminDirectory admins;
    private final AssignmentSettings settings;
    private final QueueDrainer drainer;
    private final OfflineReturns returns;
    private final ThreadLocal<Boolean> draining = ThreadLocal.withInitial(() -> false);

    /** Creates the service; {@code dev.parley.Parley} subscribes it to its events. */
    public DefaultAssignmentService(ChatStore store, AdminDirectory admins, PresenceTracker presence, EventBus events,
            Clock clock, AssignmentSettings settings) {
        this.store = store;
        this.admins = admins;
        this.settings = settings;
        this.drainer = new QueueDrainer(store, presence, events, clock, settings.defaultCapacity());
        this.returns = new OfflineReturns(store, presence, events, clock, settings.offlineGrace());
    }

    @Override
    public AssignmentMode mode(String department) {
        return store.assignment().mode(requireDepartment(department).slug());
    }

    @Override
    public AssignmentMode setMode(String department, AssignmentMode mode) {
        String slug = requireDepartment(department).slug();
        if (!store.assignment().setMode(slug, mode)) {
            throw unknownDepartment(slug);
        }
        log.info("Department '{}' assigns chats {}", slug, mode.slug());
        drain(slug);
        return mode;
    }

    @Override
    public int capacity(String adminId) {
        Integer own = store.assignment().capacities().get(requireAdmin(adminId).id());
        return own == null ? settings.defaultCapacity() : own;
    }

    @Override
    public int setCapacity(String adminId, @Nullable Integer capacity) {
        Admin admin = requireAdmin(adminId);
        if (capacity != null) {
            Checks.between(capacity, 0, AssignmentSettings.MAX_CAPACITY, "capacity");
        }
        store.assignment().setCapacity(admin.id(), capacity);
        drainAll();
        return capacity == null ? settings.defaultCapacity() : capacity;
    }

    @Override
    public List<AdminLoad> loads() {
        List<String> ids = admins.all().stream().map(Admin::id).toList();
        List<AdminLoad> result = new ArrayList<>();
        store.transactions().inTransaction(() -> store.assignment().lockAgents(ids)).forEach(a -> result.add(
                new AdminLoad(a.adminId(), a.openChats(), AgentChoice.capacity(a, settings.defaultCapacity()))));
        result.sort(Comparator.comparing(AdminLoad::adminId));
        return result;
    }

    @Override
    public List<QueuedChat> queue(String department, int limit) {
        String slug = requireDepartment(department).slug();
        List<Chat> chats = store.assignment().queue(slug, Math.max(0, Math.min(limit, MAX_LIST)));
        List<QueuedChat> result = new ArrayList<>(chats.size());
        for (int i = 0; i < chats.size(); i++) {
            result.add(new QueuedChat(chats.get(i), i + 1));
        }
        return result;
    }

    @Override
    public OptionalInt position(Chat chat) {
        if (chat.assignedTo() != null || !chat.status().isOpen() || chat.firstResponseAt() != null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Math.toIntExact(store.assignment().queuedBefore(chat) + 1));
    }

    @Override
    public int drain(String department) {
        boolean outer = !draining.get();
        draining.set(true);
        try {
            return drainer.drain(department);
        } finally {
            if (outer) {
                draining.remove();
            }
        }
    }

    @Override
    public int drainAll() {
        int assigned = 0;
        for (String department : store.assignment().automaticDepartments()) {
            assigned += drain(department);
        }
        return assigned;
    }

    @Override
    public Sweep sweep() {
        int returned;
        boolean outer = !draining.get();
        draining.set(true);
        try {
            returned = returns.run();
        } finally {
            if (outer) {
                draining.remove();
            }
        }
        return new Sweep(returned, drainAll());
    }

    /** Drains the queues a change may have moved; ignores the changes of a drain running on this thread. */
    @Override
    public void onEvent(ChatEvent event) {
        if (draining.get()) {
            return;
        }
        if (event instanceof ChatEvent.ChatStarted started) {
            drain(started.chat().department());
        } else if (event instanceof ChatEvent.ChatUpdated || event instanceof ChatEvent.DepartmentChanged
                || (event instanceof ChatEvent.PresenceChanged p && p.isOnline() && !p.wasOnline())) {
            drainAll();
        }
    }

    private ChatDepartment requireDepartment(String department) {
        String slug = department == null ? "" : department.strip();
        return store.departments().findBySlug(slug).orElseThrow(() -> unknownDepartment(slug));
    }

    private ParleyException unknownDepartment(String slug) {
        return ParleyException.notFound("department '" + slug + "' does not exist; known: "
                + store.departments().list().stream().map(ChatDepartment::slug).toList());
    }

    private Admin requireAdmin(String adminId) {
        String id = adminId == null ? "" : adminId.strip();
        return admins.find(id).orElseThrow(() -> ParleyException.invalid("'" + id + "' is not an admin; known: "
                + admins.all().stream().map(Admin::id).toList()));
    }
}
