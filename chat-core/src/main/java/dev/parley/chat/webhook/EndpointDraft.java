package dev.parley.chat.webhook;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an admin gives to create or change a webhook endpoint. On a change, a null field keeps its value.
 *
 * @param url         the target, {@code https://…}; required on creation
 * @param description for people, at most 500 characters
 * @param events      the event types subscribed, by wire name ({@code chat.started}, …); required on creation
 * @param enabled     whether deliveries are sent (default on creation: true); enabling clears a failure state
 */
public record EndpointDraft(@Nullable String url, @Nullable String description, @Nullable List<String> events,
        @Nullable Boolean enabled) {}
