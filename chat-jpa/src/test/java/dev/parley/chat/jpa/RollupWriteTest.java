package dev.parley.chat.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.chat.Chat;
import dev.parley.chat.jpa.schema.DatabaseKind;
import dev.parley.chat.jpa.schema.SchemaMigrator;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a chat change writes its quarter-hour and its daily rollup rows in one batched statement, the last
 * one before the commit (so the rows stay locked for that statement and the commit only).
 */
class RollupWriteTest {

    @Test
    void aChatChangeUpsertsBothGranularitiesInOneStatementJustBeforeTheCommit() {
        try (HikariDataSource ds = TestDatabases.fresh(DatabaseKind.POSTGRESQL)) {
            new SchemaMigrator(ds, "parley_").migrate();
            List<String> events = Collections.synchronizedList(new ArrayList<>());
            try (JpaChatStore store = JpaChatStore.create(recording(ds, events),
                    JpaStoreOptions.DEFAULTS.withMigrate(false))) {
                Chat chat = store.chats().insert(Chat.builder().sessionId("s".repeat(32)).visitorName("Ada")
                        .department("sales").createdAt(Instant.parse("2026-03-10T10:00:00Z")).build());
                events.clear();

                store.transactions().run(() -> {
                    Chat locked = store.chats().lock(chat.id()).orElseThrow();
                    store.chats().update(locked.edit().analytics(locked.analytics().withVisitorMessage(
                            Instant.parse("2026-03-10T10:01:00Z"))).build());
                });

                List<String> rollup = events.stream().filter(e -> e.contains("chat_rollup")).toList();
                assertThat(rollup).containsExactly("batch of 2: insert into parley_chat_rollup");
                assertThat(events.get(events.size() - 1)).isEqualTo("commit");
                assertThat(events.get(events.size() - 2)).isEqualTo(rollup.get(0));
            }
        }
    }

    /** A data source whose connections note each statement execution (with its batch size) and commit. */
    private static DataSource recording(DataSource ds, List<String> events) {
        return (DataSource) Proxy.newProxyInstance(RollupWriteTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, ds, args);
                    return method.getName().equals("getConnection") ? connection((Connection) result, events)
                            : result;
                });
    }

    private static Connection connection(Connection c, List<String> events) {
        return (Connection) Proxy.newProxyInstance(RollupWriteTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        events.add("commit");
                    }
                    Object result = invoke(method, c, args);
                    if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
                        return statement(ps, (String) args[0], events);
                    }
                    return result;
                });
    }

    private static PreparedStatement statement(PreparedStatement ps, String sql, List<String> events) {
        String table = sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String what = table.substring(0, Math.min(table.length(), table.indexOf(" (") > 0 ? table.indexOf(" (")
                : table.length()));
        int[] batch = {0};
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "addBatch" -> batch[0]++;
                case "executeBatch" -> {
                    events.add("batch of " + batch[0] + ": " + what);
                    batch[0] = 0;
                }
                case "execute", "executeUpdate", "executeQuery" -> events.add(what);
                default -> { }
            }
            return invoke(method, ps, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(RollupWriteTest.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
