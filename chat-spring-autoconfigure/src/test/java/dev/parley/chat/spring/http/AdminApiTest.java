package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The admin endpoints over real HTTP: success paths and their error codes. */
class AdminApiTest extends ApiTestBase {

    private static final String[] ALICE = asAdmin("alice");

    @Test
    void chatsAreListedWithFiltersAndPagesWithoutSessionIds() {
        String name = unique("Lister");
        String session = startChat(Map.of("visitorName", name, "department", "technical", "message", "help"))
                .get("sessionId").asString();

        Api.Response byText = api.get("/api/v1/admin/chat?text=" + name.replace(" ", "%20"), ALICE);
        Api.Response byDepartment = api.get("/api/v1/admin/chat?department=technical&size=1&page=0", ALICE);
        Api.Response byStatus = api.get("/api/v1/admin/chat?status=closed&text=" + name.replace(" ", "%20"), ALICE);

        assertThat(byText.status()).isEqualTo(200);
        assertThat(byText.data().get("total").asLong()).isEqualTo(1);
        JsonNode item = byText.data().at("/items/0");
        assertThat(item.at("/chat/visitorName").asString()).isEqualTo(name);
        assertThat(item.at("/chat/department").asString()).isEqualTo("technical");
        assertThat(item.at("/lastMessage/message").asString()).isEqualTo("help");
        assertThat(item.at("/chat").has("isOfflineMessage")).isTrue();
        assertThat(byText.text()).doesNotContain(session).doesNotContain("sessionId");
        assertThat(byDepartment.data().get("items")).hasSize(1);
        assertThat(byDepartment.data().get("size").asInt()).isEqualTo(1);
        assertThat(byDepartment.data().get("totalPages").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(byStatus.data().get("total").asLong()).isZero();
    }

    @Test
    void oneChatIsReadWithItsMessages() {
        String name = unique("Reader");
        String session = startChat(name, "first").get("sessionId").asString();
        continueChat(session, "second");
        long id = chatIdOf(name);

        Api.Response r = api.get("/api/v1/admin/chat?id=" + id, ALICE);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().at("/chat/id").asLong()).isEqualTo(id);
        assertThat(r.data().get("messages")).extracting(m -> m.get("message").asString())
                .containsExactly("first", "second");
        assertThat(r.text()).doesNotContain(session);
    }

    @Test
    void badListParametersAre400() {
        assertThat(api.get("/api/v1/admin/chat?status=LOST", ALICE).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/chat?size=1000", ALICE).errorMessage()).contains("page size");
        Api.Response wrongType = api.get("/api/v1/admin/chat?page=first", ALICE);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.errorMessage()).contains("page").contains("whole number");
        assertThat(api.get("/api/v1/admin/chat?id=999999", ALICE).status()).isEqualTo(404);
    }

    @Test
    void anAdminReplyIsStoredWithTheAdminAsSender() {
        String name = unique("Replied");
        startChat(name, "hello");
        long id = chatIdOf(name);

        Api.Response r = api.post("/api/v1/admin/chat", Map.of("chatId", id, "message", "Hi, how can I help?"),
                ALICE);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().get("sender").asString()).isEqualTo("ADMIN");
        assertThat(r.data().get("senderId").asString()).isEqualTo("alice");
        assertThat(r.data().get("senderName").asString()).isEqualTo("Alice Admin");
        Api.Response chat = api.get("/api/v1/admin/chat?id=" + id, ALICE);
        assertThat(chat.data().at("/chat/status").asString()).isEqualTo("ACTIVE");
        assertThat(chat.data().at("/chat/firstResponseAt").isNull()).isFalse();
    }

    @Test
    void adminReplyErrorsAre400404And409() {
        String name = unique("ReplyErrors");
        startChat(name, "hello");
        long id = chatIdOf(name);

        Api.Response noChat = api.post("/api/v1/admin/chat", Map.of("message", "hi"), ALICE);
        Api.Response unknown = api.post("/api/v1/admin/chat", Map.of("chatId", 999_999, "message", "hi"), ALICE);
        Api.Response empty = api.post("/api/v1/admin/chat", Map.of("chatId", id, "message", " "), ALICE);
        setStatus(id, "CLOSED");
        Api.Response closed = api.post("/api/v1/admin/chat", Map.of("chatId", id, "message", "hi"), ALICE);

        assertThat(noChat.status()).isEqualTo(400);
        assertThat(noChat.errorMessage()).isEqualTo("chatId is required");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(closed.status()).isEqualTo(409);
    }

    @Test
    void aChatsStatusDepartmentAndAssigneeChange() {
        String name = unique("Updated");
        startChat(name, "hello");
        long id = chatIdOf(name);
        Map<String, Object> body = new HashMap<>();
        body.put("chatId", id);
        body.put("status", "RESOLVED");
        body.put("department", "finance");
        body.put("assignedTo", "bob");

        Api.Response r = api.patch("/api/v1/admin/chat", body, ALICE);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(r.data().get("department").asString()).isEqualTo("finance");
        assertThat(r.data().get("assignedTo").asString()).isEqualTo("bob");
        assertThat(r.data().get("resolutionTime").isNull()).isFalse();
    }

    @Test
    void chatUpdateErrorsAre400And409() {
        String name = unique("UpdateErrors");
        startChat(name, "hello");
        long id = chatIdOf(name);

        Api.Response nothing = api.patch("/api/v1/admin/chat", Map.of("chatId", id), ALICE);
        Api.Response unknownAdmin = api.patch("/api/v1/admin/chat", Map.of("chatId", id, "assignedTo", "zed"),
                ALICE);
        Api.Response badStatus = api.patch("/api/v1/admin/chat", Map.of("chatId", id, "status", "DONE"), ALICE);
        setStatus(id, "CLOSED");
        Api.Response reopen = setStatus(id, "ACTIVE");

        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.errorMessage()).contains("nothing to update");
        assertThat(unknownAdmin.status()).isEqualTo(400);
        assertThat(unknownAdmin.errorMessage()).contains("zed");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.errorMessage()).contains("status").contains("RESOLVED");
        assertThat(reopen.status()).isEqualTo(409);
    }

    @Test
    void theAnalyticsReportCoversTheWindow() {
        startChat(unique("Counted"), "hello");

        Api.Response r = api.get("/api/v1/admin/chat/analytics?days=3", ALICE);
        Api.Response defaults = api.get("/api/v1/admin/chat/analytics", ALICE);

        assertThat(r.status()).isEqualTo(200);
        JsonNode data = r.data();
        assertThat(data.at("/summary/totalChats").asLong()).isPositive();
        assertThat(data.get("dailyVolume").size()).isEqualTo(3);
        assertThat(data.get("ratingDistribution").propertyNames()).containsExactly("1", "2", "3", "4", "5");
        assertThat(data.has("departmentStats")).isTrue();
        assertThat(data.has("topRatedChats")).isTrue();
        assertThat(defaults.data().get("dailyVolume").size()).isEqualTo(7);
    }

    @Test
    void analyticsParametersOutOfRangeAre400() {
        assertThat(api.get("/api/v1/admin/chat/analytics?days=0", ALICE).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/chat/analytics?days=366", ALICE).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/chat/analytics?days=week", ALICE).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/chat/analytics?zone=Mars/Olympus", ALICE).errorMessage())
                .contains("zone");
    }

    @Test
    void departmentsAreCreatedListedUpdatedAndDeleted() {
        String slug = "returns-" + Long.toString(System.nanoTime(), 36);
        Api.Response created = api.post("/api/v1/admin/chat/departments", Map.of("name", "Returns " + slug,
                "slug", slug, "email", "returns@example.test"), ALICE);
        long id = created.data().get("id").asLong();

        Api.Response list = api.get("/api/v1/admin/chat/departments", ALICE);
        Api.Response updated = api.put("/api/v1/admin/chat/departments", Map.of("id", id, "isActive", false,
                "description", "Send it back"), ALICE);
        Api.Response deleted = api.delete("/api/v1/admin/chat/departments?id=" + id, ALICE);
        Api.Response again = api.delete("/api/v1/admin/chat/departments?id=" + id, ALICE);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.data().get("isActive").asBoolean()).isTrue();
        assertThat(list.data()).extracting(d -> d.get("slug").asString()).contains(slug);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.data().get("isActive").asBoolean()).isFalse();
        assertThat(updated.data().get("description").asString()).isEqualTo("Send it back");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().get("deleted").asLong()).isEqualTo(id);
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void departmentErrorsAre400And409() {
        Api.Response duplicate = api.post("/api/v1/admin/chat/departments", Map.of("name", "Sales Again",
                "slug", "sales"), ALICE);
        Api.Response badSlug = api.post("/api/v1/admin/chat/departments", Map.of("name", "Bad", "slug", "Bad Slug"),
                ALICE);
        Api.Response noId = api.put("/api/v1/admin/chat/departments", Map.of("name", "x"), ALICE);
        Api.Response noIdParam = api.delete("/api/v1/admin/chat/departments", ALICE);
        long general = api.get("/api/v1/admin/chat/departments", ALICE).data().get(0).get("id").asLong();
        Api.Response deleteDefault = api.delete("/api/v1/admin/chat/departments?id=" + general, ALICE);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(badSlug.status()).isEqualTo(400);
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.errorMessage()).isEqualTo("id is required");
        assertThat(noIdParam.status()).isEqualTo(400);
        assertThat(noIdParam.errorMessage()).contains("'id'");
        assertThat(deleteDefault.status()).isEqualTo(409);
    }

    @Test
    void articlesAreCreatedListedUpdatedAndDeleted() {
        String slug = "gift-cards-" + Long.toString(System.nanoTime(), 36);
        Api.Response created = api.post("/api/v1/admin/chat/knowledge-base", Map.of("title", "Gift cards " + slug,
                "slug", slug, "content", "Gift cards never expire.", "isPublished", true), ALICE);
        long id = created.data().get("id").asLong();

        Api.Response found = api.get("/api/v1/chat/knowledge-base?q=" + slug);
        Api.Response list = api.get("/api/v1/admin/chat/knowledge-base", ALICE);
        Api.Response updated = api.put("/api/v1/admin/chat/knowledge-base", Map.of("id", id, "isPublished", false),
                ALICE);
        Api.Response hidden = api.get("/api/v1/chat/knowledge-base?q=" + slug);
        Api.Response deleted = api.delete("/api/v1/admin/chat/knowledge-base?id=" + id, ALICE);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(found.data().at("/articles/0/id").asLong()).isEqualTo(id);
        assertThat(list.data()).extracting(a -> a.get("slug").asString()).contains(slug);
        assertThat(updated.data().get("isPublished").asBoolean()).isFalse();
        assertThat(hidden.data().get("count").asInt()).isZero();
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/admin/chat/knowledge-base?id=" + id, ALICE).status()).isEqualTo(404);
    }

    @Test
    void articleErrorsAre400And409() {
        Api.Response noContent = api.post("/api/v1/admin/chat/knowledge-base", Map.of("title", "Empty"), ALICE);
        Api.Response duplicate = api.post("/api/v1/admin/chat/knowledge-base", Map.of("title", "Again",
                "slug", "shipping", "content", "x"), ALICE);

        assertThat(noContent.status()).isEqualTo(400);
        assertThat(noContent.errorMessage()).contains("content");
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void aHeartbeatPutsTheAdminOnlineWithTheirDetails() {
        try {
            Api.Response beat = api.post("/api/v1/admin/presence", Map.of("isOnline", true, "socketId", "tab-1"),
                    ALICE);
            Api.Response online = api.get("/api/v1/admin/presence", ALICE);

            assertThat(beat.status()).isEqualTo(200);
            assertThat(beat.data().get("isOnline").asBoolean()).isTrue();
            assertThat(beat.data().get("socketId").asString()).isEqualTo("tab-1");
            assertThat(online.data().get("count").asInt()).isGreaterThanOrEqualTo(1);
            JsonNode alice = null;
            for (JsonNode a : online.data().get("onlineAdmins")) {
                if (a.get("userId").asString().equals("alice")) {
                    alice = a;
                }
            }
            assertThat(alice).isNotNull();
            assertThat(alice.get("name").asString()).isEqualTo("Alice Admin");
            assertThat(alice.get("email").asString()).isEqualTo("alice@example.test");
            assertThat(alice.get("role").asString()).isEqualTo("owner");
        } finally {
            api.post("/api/v1/admin/presence", Map.of("isOnline", false), ALICE);
        }
    }

    @Test
    void aHeartbeatForAnUnknownDepartmentIs400() {
        Api.Response r = api.post("/api/v1/admin/presence", Map.of("isOnline", true, "department", "nowhere"), ALICE);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorMessage()).contains("nowhere");
    }
}
