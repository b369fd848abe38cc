package dev.parley.chat.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public endpoints over real HTTP: success paths and every error a visitor can cause. */
class VisitorApiTest extends ApiTestBase {

    @Test
    void startingAChatAnswersTheSessionIdTheStoredMessageAndWhetherAnAdminIsOnline() {
        Api.Response r = api.post("/api/v1/chat", Map.of("visitorName", "Ada", "visitorEmail", "ada@example.test",
                "department", "sales", "message", "Hello, is anyone there?"), "X-Forwarded-For", freshAddress());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode json = r.json();
        assertThat(json.get("success").asBoolean()).isTrue();
        JsonNode data = json.get("data");
        assertThat(data.get("sessionId").asString()).hasSize(32).matches("[A-Za-z0-9_-]+");
        assertThat(data.at("/message/message").asString()).isEqualTo("Hello, is anyone there?");
        assertThat(data.at("/message/sender").asString()).isEqualTo("VISITOR");
        assertThat(data.at("/chat/department").asString()).isEqualTo("sales");
        assertThat(data.at("/chat/sessionId").asString()).isEqualTo(data.get("sessionId").asString());
        assertThat(data.has("adminOnline")).isTrue();
    }

    @Test
    void aSecondMessageWithTheSessionIdContinuesTheSameChat() {
        JsonNode first = startChat(unique("Grace"), "First");

        JsonNode second = continueChat(first.get("sessionId").asString(), "Second");

        assertThat(second.get("sessionId").asString()).isEqualTo(first.get("sessionId").asString());
        assertThat(second.at("/message/id").asLong()).isGreaterThan(first.at("/message/id").asLong());
    }

    @Test
    void readingTheChatAnswersItsMessagesAfterAMessageIdOrATime() {
        JsonNode first = startChat(unique("Linus"), "one");
        String session = first.get("sessionId").asString();
        continueChat(session, "two");
        JsonNode third = continueChat(session, "three");

        Api.Response all = api.get("/api/v1/chat?sessionId=" + session);
        Api.Response afterFirst = api.get("/api/v1/chat?sessionId=" + session + "&after="
                + first.at("/message/id").asLong());
        Api.Response afterTime = api.get("/api/v1/chat?sessionId=" + session + "&after="
                + third.at("/message/createdAt").asString());

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.data().get("messages")).extracting(m -> m.get("message").asString())
                .containsExactly("one", "two", "three");
        assertThat(all.data().get("status").asString()).isIn("ACTIVE", "WAITING");
        assertThat(afterFirst.data().get("messages")).extracting(m -> m.get("message").asString())
                .containsExactly("two", "three");
        assertThat(afterTime.data().get("messages")).isEmpty();
    }

    @Test
    void aBadAfterParameterIs400() {
        String session = startChat(unique("Ken"), "hi").get("sessionId").asString();

        Api.Response r = api.get("/api/v1/chat?sessionId=" + session + "&after=yesterday");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
        assertThat(r.errorMessage()).contains("after");
    }

    @Test
    void aMissingVisitorNameIs400NamingTheField() {
        Api.Response r = api.post("/api/v1/chat", Map.of("message", "hi"), "X-Forwarded-For", freshAddress());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
        assertThat(r.errorMessage()).contains("visitorName");
    }

    @Test
    void anUnknownDepartmentIs400ListingTheKnownOnes() {
        Api.Response r = api.post("/api/v1/chat", Map.of("visitorName", "Ada", "department", "salez",
                "message", "hi"), "X-Forwarded-For", freshAddress());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorMessage()).contains("salez").contains("general");
    }

    @Test
    void malformedJsonIs400SayingWhere() {
        Api.Response r = api.post("/api/v1/chat", "{\"visitorName\": \"Ada\", ", "X-Forwarded-For", freshAddress());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
        assertThat(r.errorMessage()).contains("not valid JSON");
    }

    @Test
    void aValueOfTheWrongTypeIs400NamingTheFieldAndTheExpectedType() {
        Api.Response r = api.post("/api/v1/chat", "{\"sessionId\":\"x\",\"message\":\"hi\",\"fileSize\":\"big\"}");
        Api.Response e = api.post("/api/v1/chat", "{\"sessionId\":\"x\",\"message\":\"hi\",\"messageType\":\"VIDEO\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorMessage()).contains("fileSize").contains("whole number");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorMessage()).contains("messageType").contains("TEXT");
    }

    @Test
    void aBodyThatIsNotAnObjectOrIsMissingIs400() {
        Api.Response array = api.post("/api/v1/chat", "[1,2]", "X-Forwarded-For", freshAddress());
        Api.Response empty = api.raw("POST", "/api/v1/chat", "application/json", new byte[0]);

        assertThat(array.status()).isEqualTo(400);
        assertThat(array.errorMessage()).contains("JSON object");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorMessage()).contains("body is required");
    }

    @Test
    void anotherContentTypeIs415InTheEnvelope() {
        Api.Response r = api.raw("POST", "/api/v1/chat", "application/x-www-form-urlencoded",
                "visitorName=Ada".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.errorCode()).isEqualTo("UNSUPPORTED_TYPE");
    }

    @Test
    void aMessageOverTheLengthLimitIs400() {
        String session = startChat(unique("Long"), "hi").get("sessionId").asString();

        Api.Response r = api.post("/api/v1/chat", Map.of("sessionId", session, "message", "x".repeat(5_001)));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorMessage()).contains("5000");
    }

    @Test
    void aMessageOnAClosedChatIs409() {
        String name = unique("Closed");
        String session = startChat(name, "hi").get("sessionId").asString();
        assertThat(setStatus(chatIdOf(name), "CLOSED").status()).isEqualTo(200);

        Api.Response r = api.post("/api/v1/chat", Map.of("sessionId", session, "message", "still there?"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void aResolvedChatIsRatedOnceWithAComment() {
        String name = unique("Rater");
        String session = startChat(name, "hi").get("sessionId").asString();
        setStatus(chatIdOf(name), "RESOLVED");

        Api.Response rated = api.post("/api/v1/chat/rate", Map.of("sessionId", session, "rating", 5,
                "comment", "Great help"));
        Api.Response again = api.post("/api/v1/chat/rate", Map.of("sessionId", session, "rating", 4));

        assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
        assertThat(rated.data().get("rating").asInt()).isEqualTo(5);
        assertThat(rated.data().get("ratingComment").asString()).isEqualTo("Great help");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorMessage()).contains("already rated");
    }

    @Test
    void ratingAnOpenChatIs409AndABadRatingIs400() {
        String session = startChat(unique("Early"), "hi").get("sessionId").asString();

        Api.Response open = api.post("/api/v1/chat/rate", Map.of("sessionId", session, "rating", 5));
        Api.Response six = api.post("/api/v1/chat/rate", Map.of("sessionId", session, "rating", 6));
        Api.Response missing = api.post("/api/v1/chat/rate", Map.of("sessionId", session));

        assertThat(open.status()).isEqualTo(409);
        assertThat(six.status()).isEqualTo(400);
        assertThat(six.errorMessage()).contains("rating");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorMessage()).isEqualTo("rating is required");
    }

    @Test
    void theKnowledgeBaseFindsPublishedArticlesBestMatchFirst() {
        Api.Response r = api.get("/api/v1/chat/knowledge-base?q=reset%20password");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().get("count").asInt()).isGreaterThan(0);
        assertThat(r.data().at("/articles/0/slug").asString()).isEqualTo("reset-password");
        assertThat(r.data().at("/articles/0/isPublished").asBoolean()).isTrue();
    }

    @Test
    void anArticleOpensBySlugAndAnUnknownSlugIs404() {
        Api.Response r = api.get("/api/v1/chat/knowledge-base?slug=shipping");
        Api.Response missing = api.get("/api/v1/chat/knowledge-base?slug=nothing-here");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().get("title").asString()).contains("Shipping");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void visitorsSeeActiveDepartmentsWithoutTheirNotificationAddress() {
        Api.Response r = api.get("/api/v1/chat/departments");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data()).extracting(d -> d.get("slug").asString()).contains("general", "sales");
        assertThat(r.data().get(0).has("email")).isFalse();
    }

    @Test
    void anUnknownPathOrMethodIsAnsweredInTheEnvelope() {
        Api.Response path = api.get("/api/v1/chat/nothing-here");
        Api.Response method = api.put("/api/v1/chat", Map.of());

        assertThat(path.status()).isEqualTo(404);
        assertThat(path.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(method.header("Allow")).contains("POST");
    }

    @Test
    void chatStartsAreRateLimitedPerClientAddress() {
        String address = freshAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/chat", Map.of("visitorName", "Spam", "message", "hi " + i),
                    "X-Forwarded-For", address).status()).isEqualTo(200);
        }

        Api.Response sixth = api.post("/api/v1/chat", Map.of("visitorName", "Spam", "message", "hi"),
                "X-Forwarded-For", address);
        Api.Response otherAddress = api.post("/api/v1/chat", Map.of("visitorName", "Fine", "message", "hi"),
                "X-Forwarded-For", freshAddress());

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isPositive();
        assertThat(otherAddress.status()).isEqualTo(200);
    }

    @Test
    void messagesAreRateLimitedPerSession() {
        String session = startChat(unique("Chatty"), "hi").get("sessionId").asString();
        int accepted = 0;
        Api.Response last = null;
        for (int i = 0; i < 100 && (last == null || last.status() == 200); i++) {
            last = api.post("/api/v1/chat", Map.of("sessionId", session, "message", "msg " + i));
            if (last.status() == 200) {
                accepted++;
            }
        }

        // 30 at once, plus what a slow machine regained meanwhile (one every two seconds)
        assertThat(accepted).isBetween(30, 40);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.errorCode()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void theWidgetsOriginMayCallThePublicEndpointsAndOthersMayNot() {
        Api.Response allowed = api.raw("OPTIONS", "/api/v1/chat", "application/json", new byte[0],
                "Origin", "https://widget.example.test", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type");
        Api.Response other = api.raw("OPTIONS", "/api/v1/chat", "application/json", new byte[0],
                "Origin", "https://evil.example.test", "Access-Control-Request-Method", "POST");

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://widget.example.test");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }
}
