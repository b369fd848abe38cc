package dev.parley.chat.presence;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ParleyException;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventBus;
import dev.parley.chat.internal.Checks;
import dev.parley.chat.store.ChatStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence over the store. An admin serves a department while their heartbeat's department allows it (null: all)
 * and the host's {@link AdminDirectory} lists them for it. When an admin comes online and a department they serve had
 * nobody online before, the chat rules ({@link AgentAvailability}) tell each WAITING chat of that department that an
 * agent is now available; the tracker itself writes only presence.
 *
 * <p>{@link #anyOnline} is asked on every visitor message, so it answers from the online presences read at most
 * {@link #ONLINE_CACHE_TTL} ago (by the clock); a heartbeat through this tracker discards that copy when it commits,
 * so on one node the answer is always current, and a heartbeat taken by another node shows here within the TTL.
 * Heartbeats come every 30 seconds and count for the heartbeat timeout, so a second-old copy changes no answer but
 * an admin's first heartbeat on another node.
 */
public final class DefaultPresenceTracker implements PresenceTracker {

    /** The text of the system message the chat rules ({@link AgentAvailability}) post to waiting chats. */
    public static final String AGENT_AVAILABLE = "An agent is now available and will reply shortly.";

    /** How long {@link #anyOnline} may answer from the online presences it read last. */
    public static final Duration ONLINE_CACHE_TTL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(DefaultPresenceTracker.class);

    private final ChatStore store;
    private final AdminDirectory admins;
    private final Clock clock;
    private final Duration timeout;
    private final AgentAvailability availability;
    private final EventBus events;
    private final OnlinePresences cache;

    /** Creates the tracker. */
    public DefaultPresenceTracker(ChatStore store, AdminDirectory admins, Clock clock, Duration heartbeatTimeout,
            AgentAvailability availability, EventBus events) {
        this.store = store;
        this.admins = admins;
        this.clock = clock;
        this.timeout = heartbeatTimeout;
        this.availability = availability;
        this.events = events;
        this.cache = new OnlinePresences(ONLINE_CACHE_TTL,
                now -> store.presence().onlineSeenAfter(now.minus(heartbeatTimeout)));
    }

    @Override
    public AdminPresence heartbeat(String adminId, Heartbeat heartbeat) {
        Admin admin = admins.require(adminId);
        String department = heartbeat.department() == null || heartbeat.department().isBlank()
                ? null
                : Checks.slug(heartbeat.department(), "department");
        if (department != null && store.departments().findBySlug(department).isEmpty()) {
            throw ParleyException.invalid("department '" + department + "' does not exist; choose one of "
                    + store.departments().list().stream().map(d -> d.slug()).toList() + " or none for all");
        }
        String socketId = Checks.optionalLine(heartbeat.socketId(), "socketId", 200);
        if (heartbeat.online()) {
            // the common case, an online admin staying as they were: one guarded update, nothing to announce
            Instant now = clock.instant();
            AdminPresence steady = new AdminPresence(adminId, true, now, socketId, department);
            if (store.presence().refresh(steady, now.minus(timeout))) {
                store.transactions().afterCommit(cache::invalidate);
                return steady;
            }
        }
        List<ChatEvent> published = new ArrayList<>();
        AdminPresence result = store.transactions().inTransaction(() -> {
            published.clear();
            Instant now = clock.instant();
            List<AdminPresence> othersOnline = onlineNow(now).stream()
                    .filter(p -> !p.userId().equals(adminId)).toList();
            Optional<AdminPresence> before = store.presence().find(adminId);
            boolean wasOnline = before.map(p -> p.isOnlineAt(now, timeout)).orElse(false);
            AdminPresence presence = new AdminPresence(adminId, heartbeat.online(), now, socketId, department);
            store.presence().upsert(presence);
            if (presence.online() && !(wasOnline && servesSame(before.get(), presence))) {
                AdminPresence servedBefore = wasOnline ? before.get() : null;
                announceToWaitingChats(admin, presence, servedBefore, othersOnline, now, published);
            }
            if (wasOnline != presence.online()) {
                published.add(new ChatEvent.PresenceChanged(presence, wasOnline, presence.online()));
                log.info("Admin {} is now {}", adminId, presence.online() ? "online" : "offline");
            }
            events.record(store, published);
            return presence;
        });
        store.transactions().afterCommit(() -> {
            cache.invalidate();
        });
        return result;
    }

    private static boolean servesSame(AdminPresence a, AdminPresence b) {
        return a.department() == null ? b.department() == null : a.department().equals(b.department());
    }

    /**
     * Tells the WAITING chats of the departments this heartbeat starts serving; skips those the admin served already
     * ({@code servedBefore}, when they were online) and those another online admin serves.
     */
    private void announceToWaitingChats(Admin admin, AdminPresence presence, @Nullable AdminPresence servedBefore,
            List<AdminPresence> othersOnline, Instant now, List<ChatEvent> published) {
        for (Chat chat : store.chats().findByStatus(ChatStatus.WAITING, presence.department())) {
            boolean alreadyServed = (servedBefore != null && servedBefore.serves(chat.department()))
                    || othersOnline.stream().anyMatch(p -> serves(p, chat.department()));
            if (!admin.serves(chat.department()) || alreadyServed) {
                continue;
            }
            published.addAll(availability.agentAvailable(chat.id(), now));
        }
    }

    @Override
    public void goOffline(String adminId) {
        heartbeat(adminId, new Heartbeat(false, null, null));
    }

    @Override
    public List<OnlineAdmin> online(@Nullable String department) {
        List<OnlineAdmin> result = new ArrayList<>();
        for (AdminPresence p : onlineNow(clock.instant())) {
            admins.find(p.userId())
                    .filter(a -> department == null || (p.serves(department) && a.serves(department)))
                    .ifPresent(a -> result.add(new OnlineAdmin(a, p)));
        }
        return result;
    }

    @Override
    public boolean anyOnline(@Nullable String department) {
        Instant now = clock.instant();
        return cache.at(now).stream().filter(p -> p.isOnlineAt(now, timeout)).anyMatch(p -> department == null
                ? admins.find(p.userId()).isPresent()
                : serves(p, department));
    }

    /**
     * Whether the admin of this presence serves the department now: the heartbeat's department allows it and the
     * host's directory still lists the admin for it.
     */
    private boolean serves(AdminPresence p, String department) {
        return p.serves(department) && admins.find(p.userId()).map(a -> a.serves(department)).orElse(false);
    }

    @Override
    public Duration heartbeatTimeout() {
        return timeout;
    }

    private List<AdminPresence> onlineNow(Instant now) {
        return store.presence().onlineSeenAfter(now.minus(timeout)).stream()
                .filter(p -> p.isOnlineAt(now, timeout))
                .toList();
    }
}
