package dev.parley.chat.spring;

import dev.parley.Parley;
import dev.parley.chat.event.ChatEventListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Subscribes every {@link ChatEventListener} bean to {@link Parley} once all singletons exist, so a listener may
 * itself depend on Parley's services without a dependency cycle.
 */
final class ParleyEventListeners implements SmartInitializingSingleton {

    private final Parley parley;
    private final ObjectProvider<ChatEventListener> listeners;

    ParleyEventListeners(Parley parley, ObjectProvider<ChatEventListener> listeners) {
        this.parley = parley;
        this.listeners = listeners;
    }

    @Override
    public void afterSingletonsInstantiated() {
        listeners.orderedStream().forEach(parley::subscribe);
    }
}
