package dev.parley.examples.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Somebody else's website on another origin (its own port): a JDK HTTP server whose pages embed the widget of the
 * demo's server with one script tag. {@code /} is a plain page; {@code /hostile.html} restyles {@code *},
 * {@code div} and {@code button} with !important.
 */
final class HostSite implements AutoCloseable {

    static final String HOSTILE_CSS = """
            * { font-family: "Comic Sans MS", cursive !important; font-size: 22px !important; color: #ff00ff !important;
                line-height: 3 !important; letter-spacing: 2px !important; box-sizing: content-box !important; }
            div { border: 5px dashed red !important; margin: 9px !important; padding: 11px !important;
                background: yellow !important; }
            button { background: lime !important; border-radius: 0 !important; padding: 30px !important;
                width: 300px !important; text-transform: uppercase !important; }
            """;

    private final HttpServer server;
    private volatile String widgetUrl = "";

    private HostSite(HttpServer server) {
        this.server = server;
    }

    /** Starts the site on a free port of the loopback address. */
    static HostSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            HostSite site = new HostSite(server);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String css = path.equals("/hostile.html") ? HOSTILE_CSS : "";
                byte[] body = page(css, site.widgetUrl).getBytes(StandardCharsets.UTF_8);
                int status = path.equals("/") || path.equals("/hostile.html") ? 200 : 404;
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site's origin, e.g. http://localhost:41234 (localhost, so that it is a different origin only by port). */
    String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Sets where the pages load the widget from. */
    void embed(String widgetUrl) {
        this.widgetUrl = widgetUrl;
    }

    private static String page(String css, String widgetUrl) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Fjord Bikes</title>
                  <style>%s</style>
                </head>
                <body>
                  <main>
                    <h1>Fjord Bikes</h1>
                    <p>Bicycles for every weather.</p>
                    <button type="button">Shop now</button>
                  </main>
                  <script src="%s" defer data-title="Fjord Bikes help" data-color="#0f766e"></script>
                </body>
                </html>
                """.formatted(css, widgetUrl);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
