package dev.parley.chat.department;

import static dev.parley.chat.ChatDepartment.DEFAULT_SLUG;

import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ParleyException;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventBus;
import dev.parley.chat.internal.Checks;
import dev.parley.chat.store.ChatStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Department rules over the store; see {@link DepartmentService} for what may change and what may not. */
public final class DefaultDepartmentService implements DepartmentService {

    /** The departments seeded into an empty store. */
    public static final List<DepartmentDraft> SEED = List.of(
            new DepartmentDraft("General Support", DEFAULT_SLUG, "Questions about anything", null, true, 0),
            new DepartmentDraft("Sales", "sales", "Plans, pricing and quotes", null, true, 1),
            new DepartmentDraft("Technical Support", "technical", "Help when something does not work", null, true, 2),
            new DepartmentDraft("Billing & Finance", "finance", "Invoices, payments and refunds", null, true, 3));

    private static final Logger log = LoggerFactory.getLogger(DefaultDepartmentService.class);

    private final ChatStore store;
    private final EventBus events;

    /** Creates the service without listeners. */
    public DefaultDepartmentService(ChatStore store) {
        this(store, new EventBus());
    }

    /** Creates the service; changes are published to the bus after they are stored. */
    public DefaultDepartmentService(ChatStore store, EventBus events) {
        this.store = store;
        this.events = events;
    }

    /** Creates the seed departments when the store has none; answers whether it did. */
    public boolean seedIfEmpty() {
        return store.transactions().inTransaction(() -> {
            if (!store.departments().list().isEmpty()) {
                return false;
            }
            SEED.forEach(this::insert);
            log.info("Seeded {} departments", SEED.size());
            return true;
        });
    }

    @Override
    public List<ChatDepartment> list() {
        return store.departments().list();
    }

    @Override
    public List<ChatDepartment> listActive() {
        return list().stream().filter(ChatDepartment::active).toList();
    }

    @Override
    public ChatDepartment get(String slug) {
        return store.departments().findBySlug(slug)
                .orElseThrow(() -> ParleyException.notFound("department '" + slug + "' does not exist"));
    }

    @Override
    public ChatDepartment create(DepartmentDraft draft) {
        return store.transactions().inTransaction(() -> {
            ChatDepartment stored = insert(draft);
            publish(new ChatEvent.DepartmentChanged(null, stored));
            return stored;
        });
    }

    private ChatDepartment insert(DepartmentDraft draft) {
        String name = Checks.requiredLine(draft.name(), "name", 100);
        String slug = draft.slug() == null ? Checks.slugify(name) : draft.slug().strip();
        ChatDepartment d = new ChatDepartment(0, name, Checks.slug(slug, "slug"),
                Checks.optionalText(draft.description(), "description", 500),
                Checks.optionalEmail(draft.email(), "email"),
                draft.active() == null || draft.active(),
                draft.sortOrder() == null ? 0 : draft.sortOrder());
        return store.transactions().inTransaction(() -> {
            requireUnique(d);
            ChatDepartment stored = store.departments().insert(d);
            log.info("Department '{}' created", stored.slug());
            return stored;
        });
    }

    @Override
    public ChatDepartment update(long id, DepartmentDraft draft) {
        return store.transactions().inTransaction(() -> {
            ChatDepartment old = find(id);
            ChatDepartment d = new ChatDepartment(id,
                    draft.name() == null ? old.name() : Checks.requiredLine(draft.name(), "name", 100),
                    draft.slug() == null ? old.slug() : Checks.slug(draft.slug(), "slug"),
                    draft.description() == null ? old.description()
                            : Checks.optionalText(draft.description(), "description", 500),
                    draft.email() == null ? old.email() : Checks.optionalEmail(draft.email(), "email"),
                    draft.active() == null ? old.active() : draft.active(),
                    draft.sortOrder() == null ? old.sortOrder() : draft.sortOrder());
            if (old.slug().equals(DEFAULT_SLUG) && (!d.slug().equals(DEFAULT_SLUG) || !d.active())) {
                throw ParleyException.conflict("the default department 'general' must keep its slug and stay active");
            }
            requireUnique(d);
            store.departments().update(d);
            if (!old.slug().equals(d.slug())) {
                int moved = store.chats().moveDepartment(old.slug(), d.slug());
                log.info("Department '{}' renamed to '{}'; {} chats moved", old.slug(), d.slug(), moved);
            }
            publish(new ChatEvent.DepartmentChanged(old, d));
            return d;
        });
    }

    @Override
    public void delete(long id) {
        store.transactions().run(() -> {
            ChatDepartment d = find(id);
            if (d.slug().equals(DEFAULT_SLUG)) {
                throw ParleyException.conflict("the default department 'general' cannot be deleted");
            }
            long chats = store.chats().countByDepartment(d.slug());
            if (chats > 0) {
                throw ParleyException.conflict("department '" + d.slug() + "' has " + chats
                        + " chats and cannot be deleted; deactivate it instead (isActive: false)");
            }
            store.departments().delete(id);
            log.info("Department '{}' deleted", d.slug());
            publish(new ChatEvent.DepartmentChanged(d, null));
        });
    }

    private void publish(ChatEvent event) {
        events.record(store, List.of(event));
    }

    private ChatDepartment find(long id) {
        return store.departments().find(id)
                .orElseThrow(() -> ParleyException.notFound("department " + id + " does not exist"));
    }

    private void requireUnique(ChatDepartment d) {
        store.departments().findBySlug(d.slug()).filter(o -> o.id() != d.id()).ifPresent(o -> {
            throw ParleyException.conflict("a department with slug '" + d.slug() + "' exists");
        });
        store.departments().findByName(d.name()).filter(o -> o.id() != d.id()).ifPresent(o -> {
            throw ParleyException.conflict("a department named '" + o.name() + "' exists");
        });
    }
}
