package dev.parley.chat.spring.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.ChatService;
import dev.parley.chat.StartChat;
import dev.parley.chat.jpa.JpaChatStore;
import dev.parley.chat.spring.ParleyAutoConfigurations;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/** The JPA store's conditions on a real H2 database with Spring Boot's own DataSource and JPA set-up. */
class JpaStoreConditionsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(ParleyAutoConfigurations.with(DataSourceAutoConfiguration.class,
                    HibernateJpaAutoConfiguration.class));

    private ApplicationContextRunner h2() {
        return runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1");
    }

    private static boolean tableExists(ApplicationContext context, String table) throws Exception {
        try (Connection c = context.getBean(DataSource.class).getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, table.toUpperCase(), null)) {
            return rs.next();
        }
    }

    @Test
    void withADataSourceTheJpaStoreIsUsedOnMigratedTablesThatHibernateDoesNotCreate() {
        h2().run(context -> {
            assertThat(context).hasNotFailed();
            LocalContainerEntityManagerFactoryBean emf = context.getBean(LocalContainerEntityManagerFactoryBean.class);
            assertThat(emf.getJpaPropertyMap().get("hibernate.hbm2ddl.auto")).isIn(null, "none");
            assertThat(context).hasSingleBean(JpaChatStore.class); // the primary ChatStore wraps it for webhooks
            assertThat(tableExists(context, "parley_chat")).isTrue();
            String session = context.getBean(ChatService.class)
                    .startChat(new StartChat("Ada", null, null, "sales", "Hello")).sessionId();
            assertThat(context.getBean(ChatService.class).readChat(session, null).messages()).hasSize(1);
        });
    }

    @Test
    void theStoreKeepsItsDailyAnalyticsInTheReportsTimeZone() {
        h2().withPropertyValues("parley.analytics.time-zone=Europe/Paris").run(context -> {
            assertThat(context).hasNotFailed();
            try (Connection c = context.getBean(DataSource.class).getConnection();
                    ResultSet rs = c.createStatement().executeQuery("SELECT zone FROM parley_chat_rollup_zone")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Europe/Paris");
            }
        });
    }

    @Test
    void aTablePrefixRenamesParleysTablesOnly() {
        h2().withPropertyValues("parley.jpa.table-prefix=acme_").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(tableExists(context, "acme_chat")).isTrue();
            assertThat(tableExists(context, "parley_chat")).isFalse();
            context.getBean(ChatService.class).startChat(new StartChat("Ada", null, null, null, "Hello"));
        });
    }

    @Test
    void withoutMigrationsTheSchemaIsLeftToTheDba() {
        h2().withPropertyValues("parley.jpa.migrate=false", "parley.seed-defaults=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ParleySchemaInitializer.class);
            assertThat(tableExists(context, "parley_chat")).isFalse();
        });
    }

    @Test
    void theInMemoryStoreIsUsedWhenAskedForEvenWithADatabase() {
        h2().withPropertyValues("parley.store=memory").run(context -> {
            assertThat(context).hasSingleBean(InMemoryChatStore.class).doesNotHaveBean(JpaChatStore.class);
            assertThat(context).doesNotHaveBean(ParleySchemaInitializer.class);
        });
    }

    @Test
    void withoutChatJpaOnTheClassPathThereIsNoStoreAndStartUpSaysSo() {
        h2().withClassLoader(new FilteredClassLoader("dev.parley.chat.jpa")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("parley.store=memory");
        });
    }

    @Test
    void anApplicationsStoreWinsOverTheJpaStore() {
        h2().withUserConfiguration(OwnStore.class).run(context -> {
            assertThat(context).doesNotHaveBean(JpaChatStore.class);
            assertThat(context.getBeansOfType(ChatStore.class)).containsValue(OwnStore.STORE);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStore {
        static final ChatStore STORE = new InMemoryChatStore();

        @Bean
        ChatStore ownStore() {
            return STORE;
        }
    }
}
