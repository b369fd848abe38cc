package dev.parley.chat.spring.http;

import dev.parley.chat.SessionIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of hostile input for {@link ApiFuzzTest}: JSON literals, bodies, query strings, multipart bodies. */
final class FuzzValues {

    static final String BOUNDARY = "parleyfuzz";
    static final int MAX_QUERY = 4_000;
    private static final String PNG = pngAsLatin1();

    private FuzzValues() {}

    /** A JSON value as text: strings of every kind, edge numbers, literals, ids, nesting. */
    static Arbitrary<String> jsonValue(List<String> sessions, List<Long> chatIds, int depth) {
        List<Tuple.Tuple2<Integer, Arbitrary<? extends String>>> choices = new ArrayList<>(List.of(
                Tuple.of(6, jsonString(sessions)),
                Tuple.of(3, numbers()),
                Tuple.of(1, Arbitraries.of("true", "false", "null")),
                Tuple.of(2, Arbitraries.of(chatIds).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("[".repeat(40) + "]".repeat(40), "{\"a\":".repeat(40) + "1"
                        + "}".repeat(40)))));
        if (depth > 0) {
            choices.add(Tuple.of(1, Arbitraries.lazy(() -> jsonValue(sessions, chatIds, depth - 1)).list()
                    .ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]")));
            choices.add(Tuple.of(1, Arbitraries.lazy(() -> jsonValue(sessions, chatIds, depth - 1)).list()
                    .ofMaxSize(3).map(l -> l.stream().map(v -> "\"k\":" + v).collect(Collectors.joining(",", "{",
                            "}")))));
        }
        return Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
    }

    static Arbitrary<String> jsonString(List<String> sessions) {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.strings().all().ofMaxLength(40).map(FuzzValues::quote)),
                Tuple.of(3, ids(sessions).map(FuzzValues::quote)),
                Tuple.of(2, Arbitraries.of("TEXT", "IMAGE", "FILE", "SYSTEM", "ACTIVE", "WAITING", "RESOLVED",
                        "CLOSED", "sales", "support", "general", "alice", "bob", "a@example.test", "not an email",
                        "2024-05-01T12:00:00Z", "/parley/files/x.png", "https://evil.example/x.png")
                        .map(FuzzValues::quote)),
                Tuple.of(1, Arbitraries.of(0, 1, 255, 256, 5_000, 5_001, 50_001, 200_001)
                        .map(n -> quote("x".repeat(n)))),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(10)
                        .map(FuzzValues::quote)),
                Tuple.of(1, Arbitraries.of("\"\\ud800\"", "\"\\udfff\"", "\"a\\ud83d\"", "\"\\ud83d\\ude00\"",
                        "\"\\u0000\"", "\"<script>alert(1)</script>\"", "\"' or 1=1 --\"", "\"%00\"")));
    }

    static Arbitrary<String> numbers() {
        return Arbitraries.of("0", "-0", "1", "-1", "5", "6", "2147483647", "2147483648", "-2147483649",
                "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e308", "1e309", "0.5",
                "-1.5e-300", "99999999999999999999999999999999", "1" + "0".repeat(1200));
    }

    /** Session ids: real ones (other visitors'), made-up ones of the right shape, and wrong shapes. */
    static Arbitrary<String> ids(List<String> sessions) {
        SessionIds fresh = new SessionIds();
        List<Tuple.Tuple2<Integer, Arbitrary<? extends String>>> choices = new ArrayList<>(List.of(
                Tuple.of(2, Arbitraries.just(0).map(i -> fresh.next())),
                Tuple.of(1, Arbitraries.of("", " ", "null", "x".repeat(32), "x".repeat(33), "../../etc/passwd"))));
        if (!sessions.isEmpty()) {
            choices.add(Tuple.of(3, Arbitraries.of(sessions)));
        }
        return Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
    }

    /** A body for an endpoint with these fields. */
    static Arbitrary<String> body(List<String> fields, List<String> sessions, List<Long> chatIds) {
        Arbitrary<String> garbage = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of("", "{}", "[]", "null", "\"text\"", "42", "{", "{\"a\":}", "[{}]",
                        "{\"sessionId\":", "\u0000", "{\"message\":\"unterminated")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(60)));
        if (fields.isEmpty()) {
            return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")), Tuple.of(1, garbage));
        }
        Arbitrary<String> object = Combinators.combine(
                Arbitraries.subsetOf(fields),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).list().ofMaxSize(2),
                jsonValue(sessions, chatIds, 2).list().ofSize(fields.size() + 2))
                .as((chosen, extra, values) -> {
                    List<String> names = new ArrayList<>(chosen);
                    names.addAll(extra);
                    List<String> pairs = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        pairs.add(quote(names.get(i)) + ":" + values.get(i));
                    }
                    return "{" + String.join(",", pairs) + "}";
                });
        return Arbitraries.frequencyOf(Tuple.of(8, object), Tuple.of(1, garbage));
    }

    /** A query string ("" or "?a=b&…") for these parameters, every value URL-encoded. */
    static Arbitrary<String> query(List<String> params, List<String> sessions) {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, ids(sessions)),
                Tuple.of(3, numbers()),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.of("", "ACTIVE", "closed", "sales", "2024-05-01T12:00:00Z", "Europe/Berlin",
                        "Mars/Olympus", "alice", "x".repeat(2_000), "true")));
        List<String> names = new ArrayList<>(params);
        names.add("unexpected");
        return value.list().ofSize(names.size()).flatMap(values -> Arbitraries.integers().between(0, 1)
                .list().ofSize(names.size()).map(include -> {
                    List<String> pairs = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        boolean extra = i == names.size() - 1;
                        if (include.get(i) == 1 && (!extra || values.get(i).length() % 5 == 0)) {
                            pairs.add(encode(names.get(i)) + "=" + encode(values.get(i)));
                        }
                    }
                    // a request line over the server's header limit (8 KB) is refused by Tomcat itself, before Parley
                    while (String.join("&", pairs).length() > MAX_QUERY) {
                        pairs.remove(pairs.stream().max(java.util.Comparator.comparingInt(String::length))
                                .orElseThrow());
                    }
                    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
                }));
    }

    /** A client address: IPv4 or IPv6. */
    static Arbitrary<String> address() {
        Arbitrary<String> v4 = Arbitraries.integers().between(1, 254).list().ofSize(4)
                .map(l -> l.stream().map(String::valueOf).collect(Collectors.joining(".")));
        Arbitrary<String> v6 = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
                .map(l -> l.stream().map(Integer::toHexString).collect(Collectors.joining(":")));
        return Arbitraries.oneOf(v4, v6);
    }

    /** A multipart body (as ISO-8859-1 text) with a session part and a file part, each of them maybe broken. */
    static Arbitrary<String> multipart(List<String> sessions) {
        Arbitrary<String> sessionPart = Arbitraries.frequencyOf(
                Tuple.of(5, ids(sessions).map(id -> part("name=\"sessionId\"", "", id))),
                Tuple.of(1, Arbitraries.just("")));
        Arbitrary<String> content = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(PNG)),
                Tuple.of(1, Arbitraries.of("", "%PDF-1.4\n%%EOF\n", "<html><script>alert(1)</script></html>",
                        "MZ\u0090\u0000")),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(200)));
        Arbitrary<String> fileName = Arbitraries.of("a.png", "", "../../../etc/passwd.png", "x.exe", "a.pdf",
                "\u00e9t\u00e9.png", "a\".png");
        Arbitrary<String> filePart = Arbitraries.frequencyOf(
                Tuple.of(5, Combinators.combine(fileName, content).as((name, c) -> part("name=\"file\"; filename=\""
                        + name + "\"", "Content-Type: image/png\r\n", c))),
                Tuple.of(1, Arbitraries.just("")));
        return Combinators.combine(sessionPart, filePart, Arbitraries.of(true, true, true, false))
                .as((s, f, closed) -> s + f + (closed ? "--" + BOUNDARY + "--\r\n" : ""));
    }

    static String multipartType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    private static String part(String disposition, String headers, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; " + disposition + "\r\n" + headers + "\r\n"
                + value + "\r\n";
    }

    /** A JSON string literal; control characters and lone surrogate halves are written as escapes. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String pngAsLatin1() {
        try {
            return new String(UploadTest.png(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
