package dev.parley.chat.spring.webhook;

import dev.parley.chat.webhook.DefaultWebhookDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Starts the webhook dispatcher with the context and stops it (releasing its claims) after the web server. */
final class WebhookDispatcherLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcherLifecycle.class);

    private final DefaultWebhookDispatcher dispatcher;
    private final boolean enabled;
    private volatile boolean running;

    WebhookDispatcherLifecycle(DefaultWebhookDispatcher dispatcher, boolean enabled) {
        this.dispatcher = dispatcher;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        if (enabled) {
            dispatcher.start();
        } else {
            log.info("Parley's webhook dispatcher is off on this node (parley.webhooks.dispatch=false)");
        }
        running = true;
    }

    @Override
    public void stop() {
        if (enabled) {
            dispatcher.close();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
