package dev.parley.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DataSource} that counts the statements executed and the commits made through it, by kind ("SELECT
 * parley_chat", "INSERT parley_chat_message", "COMMIT"). Used in a separate, untimed pass to tell what one
 * operation costs in round trips.
 */
final class StatementCounter implements DataSource {

    private static final Pattern TABLE = Pattern.compile(
            "(?i)\\b(?:from|into|update|merge\\s+into)\\s+([a-z0-9_\\.\"]+)");

    private static final Pattern LOCK = Pattern.compile("\\bfor (no key )?update\\b");

    private final DataSource target;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    StatementCounter(DataSource target) {
        this.target = target;
    }

    /** Forgets what was counted. */
    void reset() {
        counts.clear();
    }

    /** Counts per kind, sorted by kind. */
    Map<String, Long> counts() {
        return counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum(),
                Long::sum, TreeMap::new));
    }

    /** "2 × SELECT parley_chat, 1 × INSERT …" per operation, for {@code operations} operations counted. */
    String perOperation(long operations) {
        return counts().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s × %s", trim(e.getValue() / (double) operations), e.getKey()))
                .collect(Collectors.joining(", "));
    }

    /** Statements (not commits) per operation. */
    double statementsPerOperation(long operations) {
        return counts().entrySet().stream().filter(e -> !e.getKey().equals("COMMIT") && !e.getKey().equals("ROLLBACK"))
                .mapToLong(Map.Entry::getValue).sum() / (double) operations;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    private void count(String kind) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    static String kindOf(@Nullable String sql) {
        if (sql == null) {
            return "?";
        }
        String s = sql.strip();
        int space = s.indexOf(' ');
        String verb = (space < 0 ? s : s.substring(0, space)).toUpperCase(Locale.ROOT);
        Matcher m = TABLE.matcher(s);
        String table = m.find() ? m.group(1).replace("\"", "").toLowerCase(Locale.ROOT) : "";
        String lower = s.toLowerCase(Locale.ROOT);
        if (verb.equals("SELECT") && LOCK.matcher(lower).find()) {
            verb = "SELECT … FOR UPDATE";
        }
        if (table.isEmpty() && (lower.contains("nextval") || lower.contains("next value for"))) {
            return verb + " next sequence value";
        }
        return table.isEmpty() ? verb : verb + " " + table;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection c) {
        InvocationHandler h = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("commit")) {
                count("COMMIT");
            } else if (name.equals("rollback") && (args == null || args.length == 0)) {
                count("ROLLBACK");
            }
            Object result = invoke(method, c, args);
            if (result instanceof Statement s && (name.startsWith("prepare") || name.equals("createStatement"))) {
                String sql = args != null && args.length > 0 && args[0] instanceof String q ? q : null;
                return statement(s, sql, method.getReturnType());
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    private Object statement(Statement s, @Nullable String preparedSql, Class<?> type) {
        InvocationHandler h = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String q ? q : preparedSql;
                count(name.equals("executeBatch") ? "BATCH " + kindOf(sql) : kindOf(sql));
            }
            return invoke(method, s, args);
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, h);
    }

    private static @Nullable Object invoke(Method method, Object target, Object @Nullable [] args)
            throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
