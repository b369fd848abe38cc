package dev.parley.chat.spring.sse;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The open streams of this node: the admin streams and the visitor streams by chat. Thread-safe. */
final class StreamRegistry {

    private final Set<StreamClient> admins = ConcurrentHashMap.newKeySet();
    private final Map<Long, Set<StreamClient>> visitors = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    /** How many streams are open. */
    int open() {
        return open.get();
    }

    void register(StreamClient client) {
        Audience audience = client.audience();
        if (audience.admin()) {
            admins.add(client);
        } else {
            visitors.compute(audience.chatId(), (id, streams) -> {
                Set<StreamClient> s = streams == null ? ConcurrentHashMap.newKeySet() : streams;
                s.add(client);
                return s;
            });
        }
        open.incrementAndGet();
    }

    void remove(StreamClient client) {
        Audience audience = client.audience();
        boolean[] removed = {false};
        if (audience.admin()) {
            removed[0] = admins.remove(client);
        } else {
            visitors.computeIfPresent(audience.chatId(), (id, streams) -> {
                removed[0] = streams.remove(client);
                return streams.isEmpty() ? null : streams;
            });
        }
        if (removed[0]) {
            open.decrementAndGet();
        }
    }

    /** Queues the event for the streams that see it. */
    void fanOut(StreamEvent e) {
        if (e.admin() != null) {
            for (StreamClient client : admins) {
                client.offer(e);
            }
        }
        if (e.visitor() != null) {
            Set<StreamClient> streams = visitors.get(e.chatId());
            if (streams != null) {
                for (StreamClient client : streams) {
                    client.offer(e);
                }
            }
        }
    }

    void forEach(Consumer<StreamClient> action) {
        admins.forEach(action);
        visitors.values().forEach(streams -> streams.forEach(action));
    }

    /** Open streams: admin streams when {@code admin}, visitor streams otherwise. */
    int count(boolean admin) {
        return admin ? admins.size() : visitors.values().stream().mapToInt(Set::size).sum();
    }
}
