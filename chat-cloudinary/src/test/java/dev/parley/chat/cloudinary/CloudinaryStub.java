package dev.parley.chat.cloudinary;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cloudinary.json.JSONObject;

/**
 * A stand-in for Cloudinary's upload API on loopback: parses the SDK's multipart requests, verifies their signature
 * with a secret generated for the test, records them, and answers as Cloudinary does — or fails as told.
 */
final class CloudinaryStub implements AutoCloseable {

    /** How the stub answers. */
    enum Mode { OK, UNAUTHORIZED, BAD_REQUEST, SERVER_ERROR, HANG }

    /** A request the stub received. */
    record Received(String cloud, String resourceType, String action, Map<String, String> fields,
            byte[] file, String fileName, boolean signatureValid) {}

    private static final Pattern PATH = Pattern.compile("/v1_1/([^/]+)/([^/]+)/([^/]+)");
    private static final Set<String> UNSIGNED = Set.of("file", "api_key", "signature", "cloud_name", "resource_type");

    final String cloud = "demo-cloud";
    final String apiKey = String.valueOf(100_000_000L + new SecureRandom().nextInt(900_000_000));
    final String apiSecret = randomHex(16);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.OK;

    CloudinaryStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL to give the SDK as {@code upload_prefix}. */
    String uploadPrefix() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The {@code cloudinary://} URL of this stub, as a host would put it in {@code CLOUDINARY_URL}. */
    String cloudinaryUrl() {
        return "cloudinary://" + apiKey + ":" + apiSecret + "@" + cloud + "?upload_prefix=" + uploadPrefix();
    }

    void answer(Mode value) {
        mode = value;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!exchange.getRequestMethod().equals("POST") || !path.matches() || contentType == null
                    || !contentType.startsWith("multipart/form-data")) {
                respond(exchange, 404, error("unknown endpoint"));
                return;
            }
            Multipart body = Multipart.parse(exchange.getRequestBody().readAllBytes(), contentType);
            boolean signed = apiKey.equals(body.fields.get("api_key"))
                    && signature(body.fields).equals(body.fields.get("signature"));
            received.add(new Received(path.group(1), path.group(2), path.group(3), body.fields, body.file,
                    body.fileName, signed));
            switch (mode) {
                case HANG -> {
                    release.await();
                    return;
                }
                case UNAUTHORIZED -> respond(exchange, 401, error("Invalid Signature for this test's key"));
                case BAD_REQUEST -> respond(exchange, 400, error("Invalid image file"));
                case SERVER_ERROR -> respond(exchange, 500, error("General Error"));
                case OK -> {
                    if (!signed || !cloud.equals(path.group(1))) {
                        respond(exchange, 401, error("Invalid Signature"));
                    } else if (path.group(3).equals("upload")) {
                        respond(exchange, 200, uploaded(path.group(2), body));
                    } else if (path.group(3).equals("destroy")) {
                        boolean existed = stored.remove(path.group(2) + ":" + body.fields.get("public_id"));
                        respond(exchange, 200, new JSONObject().put("result", existed ? "ok" : "not found"));
                    } else {
                        respond(exchange, 404, error("unknown action"));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JSONObject uploaded(String resourceType, Multipart body) {
        String publicId = body.fields.get("folder") + "/" + body.fields.get("public_id");
        stored.add(resourceType + ":" + publicId);
        String format = body.fileName.substring(body.fileName.lastIndexOf('.') + 1);
        String path = resourceType + "/upload/v1700000000/" + publicId
                + (resourceType.equals("image") ? "." + format : "");
        JSONObject json = new JSONObject()
                .put("public_id", publicId)
                .put("version", 1700000000)
                .put("resource_type", resourceType)
                .put("type", "upload")
                .put("bytes", body.file.length)
                .put("url", "http://res.cloudinary.com/" + cloud + "/" + path)
                .put("secure_url", "https://res.cloudinary.com/" + cloud + "/" + path);
        if (resourceType.equals("image")) {
            json.put("format", format);
        }
        return json;
    }

    /** Cloudinary's request signature: the signed fields sorted, joined as k=v with &, the secret appended, SHA-1. */
    private String signature(Map<String, String> fields) {
        StringBuilder toSign = new StringBuilder();
        fields.entrySet().stream()
                .filter(e -> !UNSIGNED.contains(e.getKey()) && !e.getValue().isEmpty())
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> toSign.append(toSign.length() == 0 ? "" : "&").append(e.getKey()).append('=')
                        .append(e.getValue()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((toSign + apiSecret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static JSONObject error(String message) {
        return new JSONObject().put("error", new JSONObject().put("message", message));
    }

    private static void respond(HttpExchange exchange, int status, JSONObject json) throws IOException {
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A parsed multipart/form-data body: text fields and one file part. */
    private static final class Multipart {
        final Map<String, String> fields = new LinkedHashMap<>();
        byte[] file = new byte[0];
        String fileName = "";

        static Multipart parse(byte[] body, String contentType) {
            String boundary = contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
            byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            Multipart result = new Multipart();
            // the body starts with "--boundary"; prefix CRLF so that every delimiter looks the same
            byte[] data = TestImages.concat("\r\n".getBytes(StandardCharsets.ISO_8859_1), body);
            int at = indexOf(data, delimiter, 0);
            while (at >= 0) {
                int partStart = at + delimiter.length;
                if (partStart + 2 <= data.length && data[partStart] == '-' && data[partStart + 1] == '-') {
                    break;
                }
                int next = indexOf(data, delimiter, partStart);
                if (next < 0) {
                    throw new IllegalArgumentException("unterminated multipart body");
                }
                byte[] part = Arrays.copyOfRange(data, partStart + 2, next);
                int headerEnd = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
                String headers = new String(part, 0, headerEnd, StandardCharsets.UTF_8);
                byte[] content = Arrays.copyOfRange(part, headerEnd + 4, part.length);
                String name = headers.replaceAll("(?s).*\\bname=\"([^\"]*)\".*", "$1");
                if (headers.contains("filename=\"")) {
                    result.file = content;
                    result.fileName = headers.replaceAll("(?s).*filename=\"([^\"]*)\".*", "$1");
                } else {
                    result.fields.put(name, new String(content, StandardCharsets.UTF_8));
                }
                at = next;
            }
            return result;
        }

        private static int indexOf(byte[] data, byte[] needle, int from) {
            outer:
            for (int i = from; i + needle.length <= data.length; i++) {
                for (int k = 0; k < needle.length; k++) {
                    if (data[i + k] != needle[k]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
