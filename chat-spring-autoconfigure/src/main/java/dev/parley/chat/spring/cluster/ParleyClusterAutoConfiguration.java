package dev.parley.chat.spring.cluster;

import dev.parley.Parley;
import dev.parley.chat.event.ChatEventListener;
import dev.parley.chat.jpa.JpaChatStore;
import dev.parley.chat.jpa.schema.DatabaseKind;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every node follows the store's event log: its streams and caches see the changes of every node, in one order.
 * On PostgreSQL a listener connection wakes the node up when another one wrote; nothing needs switching on.
 */
@AutoConfiguration(afterName = {"dev.parley.chat.spring.ParleyAutoConfiguration",
        "dev.parley.chat.spring.sse.ParleySseAutoConfiguration"})
@ConditionalOnBean(Parley.class)
@EnableConfigurationProperties(ParleyClusterProperties.class)
class ParleyClusterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventLogFeed parleyEventLogFeed(Parley parley, ParleyClusterProperties properties,
            ObjectProvider<EventLogFeed.Subscriber> subscribers) {
        EventLogFeed feed = new EventLogFeed(parley.store().events(), properties.pollInterval(),
                properties.batchSize());
        subscribers.orderedStream().forEach(feed::subscribe);
        if (parley.analytics() instanceof ChatEventListener cache) {
            // another node's change invalidates this node's analytics cache too
            feed.subscribe(new EventLogFeed.Subscriber() {
                @Override
                public void started(long position) {
                    // nothing to catch up: the cache is filled on demand
                }

                @Override
                public void deliver(List<EventLogFeed.Entry> events) {
                    events.forEach(e -> cache.onEvent(e.event()));
                }
            });
        }
        return feed;
    }

    @Bean
    @ConditionalOnMissingBean
    EventLogRetention parleyEventLogRetention(Parley parley, ParleyClusterProperties properties,
            ObjectProvider<Clock> clock) {
        return new EventLogRetention(parley.store().events(), clock.getIfUnique(Clock::systemUTC),
                properties.retention(), properties.trimInterval());
    }

    /** The PostgreSQL wake-ups, when the store is the JPA store on PostgreSQL. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"dev.parley.chat.jpa.JpaChatStore", "org.postgresql.PGConnection"})
    static class OnPostgres {

        @Bean
        @ConditionalOnMissingBean
        PostgresWakeUps parleyPostgresWakeUps(ObjectProvider<JpaChatStore> store, EventLogFeed feed,
                ObjectProvider<DataSource> dataSource, ParleyClusterProperties properties) {
            // the JPA store bean itself: the primary ChatStore may wrap it (webhooks)
            JpaChatStore jpa = store.getIfUnique();
            boolean postgres = jpa != null && jpa.databaseKind() == DatabaseKind.POSTGRESQL;
            DataSource ds = dataSource.getIfUnique();
            return new PostgresWakeUps(feed, ds, postgres && ds != null ? ListenTarget.of(ds, properties) : null,
                    properties);
        }
    }
}
