package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Canned responses over real HTTP: admins create, list, search, fill, change and delete them. */
class CannedResponsesApiTest extends ApiTestBase {

    private static final String PATH = "/api/v1/admin/chat/canned-responses";
    private static final String[] ALICE = asAdmin("alice");
    private static final String[] BOB = asAdmin("bob");

    /** A shortcut no other test uses (the server and its store are shared). */
    private static String shortcut(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    private static Map<String, Object> body(String shortcut, String title, String text, String scope,
            String department) {
        Map<String, Object> body = new HashMap<>();
        body.put("shortcut", shortcut);
        body.put("title", title);
        body.put("text", text);
        body.put("scope", scope);
        body.put("department", department);
        return body;
    }

    private static List<String> shortcuts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("shortcut").asString()));
        return out;
    }

    @Test
    void aResponseIsCreatedListedChangedAndDeleted() {
        String s = shortcut("greet");
        Api.Response created = api.post(PATH, body(s, "Greeting", "Hello!", "everyone", null), ALICE);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.data().get("id").asLong();
        assertThat(created.data().get("scope").asString()).isEqualTo("everyone");
        assertThat(created.data().get("createdAt").isString()).isTrue();

        assertThat(shortcuts(api.get(PATH, BOB).data())).contains(s);

        Api.Response changed = api.put(PATH + "?id=" + id, body(s, "Sales greeting", "Hi from sales", "department",
                "sales"), BOB);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.data().get("department").asString()).isEqualTo("sales");
        assertThat(changed.data().get("text").asString()).isEqualTo("Hi from sales");

        assertThat(api.delete(PATH + "?id=" + id, ALICE).status()).isEqualTo(200);
        assertThat(shortcuts(api.get(PATH, ALICE).data())).doesNotContain(s);
        Api.Response again = api.delete(PATH + "?id=" + id, ALICE);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void personalResponsesAreTheirOwnersAlone() {
        String s = shortcut("mine");
        long id = api.post(PATH, body(s, "Mine", "Only mine", "personal", null), BOB).data().get("id").asLong();
        assertThat(api.get(PATH, BOB).data()).anySatisfy(n -> {
            assertThat(n.get("shortcut").asString()).isEqualTo(s);
            assertThat(n.get("owner").asString()).isEqualTo("bob");
        });
        assertThat(shortcuts(api.get(PATH, ALICE).data())).doesNotContain(s);
        assertThat(api.put(PATH + "?id=" + id, body(s, "Taken", "x", "personal", null), ALICE).status())
                .isEqualTo(404);
        assertThat(api.delete(PATH + "?id=" + id, ALICE).status()).isEqualTo(404);
        assertThat(api.delete(PATH + "?id=" + id, BOB).status()).isEqualTo(200);
    }

    @Test
    void searchRanksShortcutThenTitleThenTextAndFillsTheChatsValues() {
        String tag = Long.toString(System.nanoTime(), 36);
        api.post(PATH, body("t-" + tag, "Other", "About " + tag + " for {{visitor.name | \"you\"}}", "everyone",
                null), ALICE);
        api.post(PATH, body("m-" + tag, "Title " + tag, "I am {{agent.name}} of {{department.name}}", "everyone",
                null), ALICE);
        api.post(PATH, body(tag, "First", "Dear {{visitor.name}} {{ticket.id}}", "everyone", null), ALICE);

        Api.Response found = api.get(PATH + "?q=%2F" + tag, ALICE);
        assertThat(found.status()).isEqualTo(200);
        assertThat(shortcuts(found.data())).containsExactly(tag, "m-" + tag, "t-" + tag);
        assertThat(found.data().get(0).get("filled").isNull()).isTrue();

        String visitor = unique("Grace Hopper");
        startChat(Map.of("visitorName", visitor, "message", "Hello", "department", "sales"));
        long chatId = chatIdOf(visitor);
        JsonNode filled = api.get(PATH + "?q=" + tag + "&chatId=" + chatId, ALICE).data();
        assertThat(filled.get(0).get("filled").asString()).isEqualTo("Dear " + visitor + " {{ticket.id}}");
        assertThat(filled.get(1).get("filled").asString()).isEqualTo("I am Alice Admin of Sales");
        assertThat(filled.get(2).get("filled").asString()).isEqualTo("About " + tag + " for " + visitor);
        assertThat(api.get(PATH + "?chatId=999999999", ALICE).status()).isEqualTo(404);
    }

    @Test
    void badInputIs4xxWithAMessage() {
        String s = shortcut("dup");
        assertThat(api.post(PATH, body(s, "One", "x", "everyone", null), ALICE).status()).isEqualTo(201);
        Api.Response dup = api.post(PATH, body(s, "Two", "x", "everyone", null), BOB);
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.errorMessage()).contains(s);

        Api.Response badShortcut = api.post(PATH, body("Not Valid", "T", "x", "everyone", null), ALICE);
        assertThat(badShortcut.status()).isEqualTo(400);
        assertThat(badShortcut.errorMessage()).contains("shortcut");
        assertThat(api.post(PATH, body(shortcut("t"), "T", "x", "team", null), ALICE).errorMessage())
                .contains("scope");
        assertThat(api.post(PATH, body(shortcut("d"), "T", "x", "department", null), ALICE).errorMessage())
                .contains("department");
        assertThat(api.post(PATH, body(shortcut("d"), "T", "x", "department", "nowhere"), ALICE).status())
                .isEqualTo(400);
        Map<String, Object> noText = body(shortcut("n"), "T", null, "everyone", null);
        assertThat(api.post(PATH, noText, ALICE).errorMessage()).contains("text");
        assertThat(api.post(PATH, body(shortcut("l"), "T", "x".repeat(5001), "everyone", null), ALICE).status())
                .isEqualTo(400);
        assertThat(api.delete(PATH, ALICE).status()).isEqualTo(400);
        assertThat(api.get(PATH).status()).isEqualTo(401);
    }
}
