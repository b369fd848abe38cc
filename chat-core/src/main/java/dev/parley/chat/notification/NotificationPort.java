package dev.parley.chat.notification;

/** Delivers one notification. Called by the outbox dispatcher in the background, never in a visitor's request. */
public interface NotificationPort {

    /** Delivers the notification, or throws so that the dispatcher retries it later. */
    void deliver(Notification notification) throws Exception;
}
