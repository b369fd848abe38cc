package dev.parley.chat.spring;

/** Thrown at start-up when no store can be configured; explained by {@link ParleyStoreMissingFailureAnalyzer}. */
final class ParleyStoreMissingException extends IllegalStateException {

    ParleyStoreMissingException() {
        super("Parley has no ChatStore: add chat-jpa and a DataSource (spring.datasource.*), set parley.store=memory "
                + "for a demo, or declare a ChatStore bean");
    }
}
