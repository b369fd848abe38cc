package dev.parley.chat.spring.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

/**
 * Where a node's listening connection goes: {@code parley.cluster.listen-url} (with its user and password), or else
 * the application's data source's own URL and credentials (read from a pool such as HikariCP, or from the
 * connection's metadata without a password).
 *
 * @param url      the JDBC URL
 * @param username the user, null for the driver's default
 * @param password the password, null for none
 */
public record ListenTarget(String url, @Nullable String username, @Nullable String password) {

    private static final Logger log = LoggerFactory.getLogger(ListenTarget.class);

    /** The target the properties name, or the data source's. */
    public static ListenTarget of(DataSource dataSource, ParleyClusterProperties properties) {
        if (!blank(properties.listenUrl())) {
            return new ListenTarget(properties.listenUrl().strip(), orNull(properties.listenUsername()),
                    orNull(properties.listenPassword()));
        }
        BeanWrapper pool = PropertyAccessorFactory.forBeanPropertyAccess(dataSource);
        String url = read(pool, "jdbcUrl");
        if (url == null) {
            url = read(pool, "url");
        }
        String username = blank(properties.listenUsername()) ? read(pool, "username")
                : properties.listenUsername();
        String password = blank(properties.listenPassword()) ? read(pool, "password")
                : properties.listenPassword();
        if (url == null) {
            try (Connection c = dataSource.getConnection()) {
                url = c.getMetaData().getURL();
                username = username == null ? c.getMetaData().getUserName() : username;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot find the data source's JDBC URL for the event listener;"
                        + " set parley.cluster.listen-url", e);
            }
            log.info("The event listener connects to the data source's URL without a password; set"
                    + " parley.cluster.listen-url, -username and -password if it needs one");
        }
        return new ListenTarget(url, orNull(username), orNull(password));
    }

    /** The {@code application_name} of the listening connections, as {@code pg_stat_activity} shows them. */
    public static final String APPLICATION_NAME = "parley-event-listener";

    /** Opens a new connection, outside any pool, named {@link #APPLICATION_NAME} unless the URL names it. */
    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("ApplicationName", APPLICATION_NAME);
        if (username != null) {
            p.setProperty("user", username);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(url, p);
    }

    /** The URL without its query (which may hold a password), for logs. */
    String safeUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public String toString() {
        return "ListenTarget[" + safeUrl() + ", user " + username + "]";
    }

    private static @Nullable String read(BeanWrapper bean, String property) {
        if (!bean.isReadableProperty(property)) {
            return null;
        }
        try {
            Object value = bean.getPropertyValue(property);
            return value instanceof String s && !s.isBlank() ? s : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String orNull(@Nullable String s) {
        return blank(s) ? null : s;
    }
}
