package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP side of automatic assignment on one node: the department's mode through the department API, the
 * capacities, the admin queue and what the visitor reads (place in line, then the agent's name). Nobody goes online
 * here (the context is shared with other classes), so chats are assigned by hand; the drains are covered by the
 * contract suites and {@link AssignmentClusterTest}.
 */
class AssignmentApiTest extends ApiTestBase {

    private String department(String mode) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", unique("Queue"));
        if (mode != null) {
            body.put("assignmentMode", mode);
        }
        Api.Response r = api.post("/api/v1/admin/chat/departments", body, asAdmin("alice"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.data().get("slug").asString();
    }

    @Test
    void aDepartmentsModeIsSetAndShownThroughTheDepartmentApi() {
        Api.Response created = api.post("/api/v1/admin/chat/departments",
                Map.of("name", unique("Robin"), "assignmentMode", "round-robin"), asAdmin("alice"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.data().get("assignmentMode").asString()).isEqualTo("round-robin");
        long id = created.data().get("id").asLong();

        Api.Response bad = api.put("/api/v1/admin/chat/departments", Map.of("id", id, "assignmentMode", "random",
                "name", "Renamed " + id), asAdmin("alice"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorMessage()).contains("random", "manual", "round-robin", "least-busy");

        Api.Response changed = api.put("/api/v1/admin/chat/departments", Map.of("id", id,
                "assignmentMode", "least-busy"), asAdmin("alice"));
        assertThat(changed.data().get("assignmentMode").asString()).isEqualTo("least-busy");
        Api.Response list = api.get("/api/v1/admin/chat/departments", asAdmin("alice"));
        JsonNode listed = null;
        for (JsonNode d : list.data()) {
            if (d.get("id").asLong() == id) {
                listed = d;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("assignmentMode").asString()).isEqualTo("least-busy");
        assertThat(listed.get("name").asString()).as("the refused update stored nothing").startsWith("Robin");
        assertThat(api.put("/api/v1/admin/chat/departments", Map.of("id", id, "assignmentMode", "manual"),
                asAdmin("alice")).data().get("assignmentMode").asString()).isEqualTo("manual");
    }

    @Test
    void theVisitorSeesTheirPlaceInLineThenTheirAgentsName() {
        String slug = department(null);
        String first = unique("Ada");
        String second = unique("Ben");
        String s1 = startChat(Map.of("visitorName", first, "message", "Hi", "department", slug))
                .get("sessionId").asString();
        String s2 = startChat(Map.of("visitorName", second, "message", "Hi", "department", slug))
                .get("sessionId").asString();
        assertThat(read(s1).get("position").asInt()).isEqualTo(1);
        assertThat(read(s2).get("position").asInt()).isEqualTo(2);
        assertThat(read(s2).at("/chat/agentName").isNull()).isTrue();

        Api.Response queue = api.get("/api/v1/admin/chat/queue?department=" + slug, asAdmin("alice"));
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        assertThat(queue.data().at("/0/mode").asString()).isEqualTo("manual");
        assertThat(queue.data().at("/0/chats")).extracting(c -> c.at("/chat/visitorName").asString())
                .containsExactly(first, second);
        assertThat(queue.data().at("/0/chats/1/position").asInt()).isEqualTo(2);

        Map<String, Object> assign = new HashMap<>();
        assign.put("chatId", chatIdOf(first));
        assign.put("assignedTo", "alice");
        assertThat(api.patch("/api/v1/admin/chat", assign, asAdmin("alice")).status()).isEqualTo(200);
        JsonNode assigned = read(s1);
        assertThat(assigned.get("position").isNull()).isTrue();
        assertThat(assigned.at("/chat/agentName").asString()).isEqualTo("Alice Admin");
        assertThat(assigned.at("/chat/assignedTo").isMissingNode()).as("no admin id for visitors").isTrue();
        assertThat(read(s2).get("position").asInt()).isEqualTo(1);
    }

    @Test
    void capacitiesAreListedAndSet() {
        Api.Response set = api.put("/api/v1/admin/chat/capacity", Map.of("adminId", "bob", "capacity", 3),
                asAdmin("alice"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.data().get("capacity").asInt()).isEqualTo(3);
        assertThat(set.data().get("name").asString()).isEqualTo("Bob Sales");
        Api.Response all = api.get("/api/v1/admin/chat/capacity", asAdmin("alice"));
        assertThat(all.data()).extracting(l -> l.get("adminId").asString()).contains("alice", "bob");

        Map<String, Object> reset = new HashMap<>();
        reset.put("adminId", "bob");
        reset.put("capacity", null);
        assertThat(api.put("/api/v1/admin/chat/capacity", reset, asAdmin("alice")).data().get("capacity").asInt())
                .isEqualTo(5);
        for (Map<String, Object> wrong : List.<Map<String, Object>>of(Map.of("adminId", "mallory", "capacity", 2),
                Map.of("adminId", "bob", "capacity", -1), Map.of("capacity", 2),
                Map.of("adminId", "bob", "capacity", 1_001))) {
            Api.Response r = api.put("/api/v1/admin/chat/capacity", wrong, asAdmin("alice"));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("VALIDATION");
        }
    }

    @Test
    void theQueueOfAnUnknownDepartmentIsNotFoundAndTheLimitIsChecked() {
        assertThat(api.get("/api/v1/admin/chat/queue?department=nowhere", asAdmin("alice")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/chat/queue?limit=0", asAdmin("alice")).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/chat/queue", asAdmin("alice")).data().size()).isGreaterThanOrEqualTo(4);
        assertThat(api.get("/api/v1/admin/chat/queue").status()).as("admins only").isEqualTo(401);
    }

    private JsonNode read(String sessionId) {
        Api.Response r = api.get("/api/v1/chat?sessionId=" + sessionId);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data();
    }
}
