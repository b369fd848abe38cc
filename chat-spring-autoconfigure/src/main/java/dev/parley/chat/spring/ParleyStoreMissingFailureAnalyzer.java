package dev.parley.chat.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a missing store at start-up and how to provide one. */
final class ParleyStoreMissingFailureAnalyzer extends AbstractFailureAnalyzer<ParleyStoreMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ParleyStoreMissingException cause) {
        return new FailureAnalysis("Parley needs a store for its chats, and none is configured.",
                "Add dev.parley:chat-jpa with a database (spring.datasource.url, a JDBC driver and "
                        + "spring-boot-starter-data-jpa), or set parley.store=memory for a demo (chats are lost on "
                        + "restart), or declare your own dev.parley.chat.store.ChatStore bean.",
                cause);
    }
}
