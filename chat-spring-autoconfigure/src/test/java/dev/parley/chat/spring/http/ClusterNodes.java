package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.jpa.JpaChatStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Application nodes for the cluster tests: each a Spring Boot application with its own HTTP server, all on one
 * PostgreSQL database. The embedded PostgreSQL server is one per test JVM (started on first use, stopped by its
 * shutdown hook); each test class takes a database of its own in it.
 */
final class ClusterNodes implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String jdbcUrl;
    private final String secret;
    private final List<String> common;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    /**
     * @param jdbcUrl the database every node uses
     * @param secret  the admin-token secret every node shares
     * @param common  properties ({@code --name=value}) given to every node
     */
    ClusterNodes(String jdbcUrl, String secret, String... common) {
        this.jdbcUrl = jdbcUrl;
        this.secret = secret;
        this.common = List.of(common);
    }

    /** The test JVM's PostgreSQL server. */
    static EmbeddedPostgres server() {
        return Shared.SERVER;
    }

    /** A new, empty database in the test JVM's server; answers its JDBC URL (user postgres). */
    static String freshDatabase(String prefix) {
        String name = prefix + DATABASES.incrementAndGet();
        try (Connection c = Shared.SERVER.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Shared.SERVER.getJdbcUrl("postgres", name);
    }

    /** A free TCP port on loopback. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a node named {@code name}, with the common properties and these extra ones. */
    ConfigurableApplicationContext start(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=6",
                "--parley.security.jwt-secret=" + secret,
                "--parley.node-name=" + name,
                "--parley.admins[0].id=alice",
                "--parley.admins[0].name=Alice Admin",
                "--parley.sse.keep-alive=1s",
                "--server.forward-headers-strategy=native",
                "--spring.main.banner-mode=off"));
        args.addAll(common);
        args.addAll(List.of(extra));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApp.class)
                .web(WebApplicationType.SERVLET).run(args.toArray(String[]::new));
        nodes.add(context);
        assertThat(context.getBean(JpaChatStore.class).databaseKind().name()).isEqualTo("POSTGRESQL");
        return context;
    }

    /** The HTTP port of a node. */
    static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** The nodes started, in order. */
    List<ConfigurableApplicationContext> nodes() {
        return nodes;
    }

    @Override
    public void close() {
        nodes.forEach(ConfigurableApplicationContext::close);
        nodes.clear();
    }

    private static final class Shared {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                // a throwaway test server: no need to wait for the disk on every commit
                return EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
