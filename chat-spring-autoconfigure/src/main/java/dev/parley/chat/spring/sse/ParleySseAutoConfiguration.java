package dev.parley.chat.spring.sse;

import dev.parley.Parley;
import dev.parley.chat.ChatService;
import dev.parley.chat.spring.cluster.EventHistory;
import dev.parley.chat.spring.web.ChatViews;
import dev.parley.chat.spring.web.ParleyWebProperties;
import dev.parley.chat.spring.web.StreamLimits;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The event streams, alongside Parley's HTTP API. */
@AutoConfiguration(afterName = "dev.parley.chat.spring.web.ParleyWebAutoConfiguration")
@ConditionalOnBean(ChatViews.class)
@EnableConfigurationProperties(ParleySseProperties.class)
class ParleySseAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StreamEvents parleyStreamEvents(ChatViews views) {
        return new StreamEvents(views);
    }

    @Bean
    @ConditionalOnMissingBean
    ChatStreamHub parleyChatStreamHub(ParleySseProperties properties, StreamEvents events, Parley parley) {
        return new ChatStreamHub(properties, events, EventHistory.of(parley));
    }

    @Bean
    @ConditionalOnMissingBean
    StreamLimits parleyStreamLimits(ParleyWebProperties web, ParleySseProperties properties,
            ObjectProvider<Clock> clock) {
        return new StreamLimits(web.streams(), properties.maxClients(), clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    ChatStreamController parleyChatStreamController(ChatStreamHub hub, ChatService chats, StreamLimits limits) {
        return new ChatStreamController(hub, chats, limits);
    }
}
