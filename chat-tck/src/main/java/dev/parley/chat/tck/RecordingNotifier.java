package dev.parley.chat.tck;

import dev.parley.chat.notification.Notification;
import dev.parley.chat.notification.NotificationPort;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link NotificationPort} that remembers what it delivered and can be told to fail. */
public final class RecordingNotifier implements NotificationPort {

    private final List<Notification> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @Override
    public void deliver(Notification notification) throws Exception {
        if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0) {
            throw new java.io.IOException("mail server unavailable (simulated)");
        }
        delivered.add(notification);
    }

    /** Makes the next {@code count} deliveries fail. */
    public void failNext(int count) {
        failuresLeft.set(count);
    }

    /** Everything delivered so far, in order. */
    public List<Notification> delivered() {
        return List.copyOf(delivered);
    }

    /** The delivered notifications of one type. */
    public <T extends Notification> List<T> delivered(Class<T> type) {
        return delivered.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
