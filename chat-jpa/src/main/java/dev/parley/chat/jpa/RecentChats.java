package dev.parley.chat.jpa;

import dev.parley.chat.Chat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The chats this node last appended a message to, by session id, as their rows read back then, each with its row
 * version. A visitor's next message starts from this copy instead of reading the row again; the append's
 * compare-and-set on the version finds a copy that another writer made stale, and the append then reads the row. Any
 * change of a chat through this store drops its copy, so a stale copy costs one round trip, never a wrong write.
 */
final class RecentChats {

    /** Copies kept at most (about 1 KB each), oldest dropped first. */
    static final int CAPACITY = 4_096;

    /** A chat as stored, and the version of its row then (PostgreSQL's {@code xmin}). */
    record Copy(Chat chat, String version) {}

    private final Map<String, Copy> chats = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Copy> eldest) {
            return size() > CAPACITY;
        }
    });

    @Nullable Copy get(String sessionId) {
        return chats.get(sessionId);
    }

    void put(Copy copy) {
        chats.put(copy.chat().sessionId(), copy);
    }

    void forget(String sessionId) {
        chats.remove(sessionId);
    }
}
