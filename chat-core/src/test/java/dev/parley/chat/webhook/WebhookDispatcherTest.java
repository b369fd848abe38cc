package dev.parley.chat.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.AdminMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.OutboxStatus;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import dev.parley.chat.WebhookAttempt;
import dev.parley.chat.WebhookDelivery;
import dev.parley.chat.WebhookEndpoint;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.store.memory.InMemoryChatStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dispatcher against a real HTTP receiver on loopback, over the in-memory store. */
class WebhookDispatcherTest {

    private static final List<String> ALL = List.of("chat.started", "message.created", "chat.updated", "chat.rated");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-10T10:00:00Z"));
    private final InMemoryChatStore store = new InMemoryChatStore();
    private final WebhookSettings settings = WebhookSettings.DEFAULTS.withAllowPrivateTargets(true);
    private final WebhookRecorder recorder = new WebhookRecorder(store.webhooks(), clock, settings);
    private final WebhookService service = new DefaultWebhookService(store.webhooks(), recorder, settings, clock);
    private final DefaultWebhookDispatcher dispatcher = new DefaultWebhookDispatcher(store.webhooks(),
            new DefaultWebhookSender(settings, clock), recorder, settings, clock, "node-a");
    private final Parley parley = Parley.builder().store(recorder.wrap(store)).clock(clock)
            .admins(AdminDirectory.of(List.of(new Admin("alice", "Alice", null, "agent", Set.of())))).build();
    private final Receiver receiver;
    private final JsonMapper json = JsonMapper.builder().build();

    WebhookDispatcherTest() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookEndpoint endpoint(List<String> events) {
        return service.create(new EndpointDraft(receiver.url("/hook"), "test", events, null));
    }

    private PostedMessage start() {
        return parley.chats().startChat(new StartChat("Ada", "ada@example.org", null, null, "Hello"));
    }

    @Test
    void everyEventOfAChatArrivesSignedWithTypeTimestampAndData() throws Exception {
        WebhookEndpoint e = endpoint(ALL);
        long chatId = start().chat().id();
        parley.chats().postAdminMessage(AdminMessage.text(chatId, "alice", "Hi Ada"));
        parley.chats().updateChat(new ChatUpdate(chatId, ChatStatus.RESOLVED, null, "alice", false));
        parley.chats().rateChat(parley.chats().getChat(chatId).sessionId(), 5, "great");

        assertThat(dispatcher.dispatchDue()).isEqualTo(6);

        List<String> types = receiver.requests.stream().map(r -> type(r.body())).toList();
        assertThat(types).containsExactly("chat.started", "message.created", "message.created", "chat.updated",
                "chat.updated", "chat.rated");
        for (Receiver.Request r : receiver.requests) {
            assertThat(SpecVerifier.verify(e.secret(), r.headers(), r.body())).as(r.body()).isTrue();
            assertThat(r.headers().get("webhook-id")).startsWith("msg_");
            assertThat(r.headers().get("webhook-timestamp")).isEqualTo("" + clock.instant().getEpochSecond());
            assertThat(r.headers().get("content-type")).isEqualTo("application/json");
            JsonNode body = json.readTree(r.body());
            assertThat(body.get("timestamp").asString()).isEqualTo("2026-03-10T10:00:00Z");
            assertThat(body.get("data").get("chat").get("id").asLong()).isEqualTo(chatId);
            assertThat(r.body()).doesNotContain(parley.chats().getChat(chatId).sessionId());
        }
        JsonNode resolved = json.readTree(receiver.requests.get(4).body()).get("data");
        assertThat(resolved.get("chat").get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("previous").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(json.readTree(receiver.requests.get(5).body()).get("data").get("chat").get("rating").asInt())
                .isEqualTo(5);
        assertThat(service.deliveries(e.id(), 50)).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(service.attempts(d.id())).singleElement()
                    .satisfies(a -> assertThat(a.statusCode()).isEqualTo(200));
        });
    }

    @Test
    void onlySubscribedTypesAreRecordedAndNothingWithoutEndpoints() {
        start();
        assertThat(dispatcher.dispatchDue()).isZero();
        WebhookEndpoint e = endpoint(List.of("chat.rated"));
        start();
        assertThat(service.deliveries(e.id(), 10)).isEmpty();
        service.update(e.id(), new EndpointDraft(null, null, List.of("chat.started"), null));
        start();
        assertThat(service.deliveries(e.id(), 10)).extracting(d -> d.type().wireName()).containsExactly(
                "chat.started");
    }

    @Test
    void aReceiverDownForAWhileGetsEveryEventExactlyOnceByWebhookId() throws Exception {
        WebhookEndpoint e = endpoint(List.of("chat.started", "message.created"));
        receiver.then(Receiver.status(503), Receiver.status(503), Receiver.status(503), Receiver.status(502),
                Receiver.status(500), Receiver.status(503));
        for (int i = 0; i < 3; i++) {
            start();
        }
        for (int round = 0; round < 5; round++) {
            dispatcher.dispatchDue();
            clock.move(Duration.ofHours(3));
        }
        Map<String, Long> okById = receiver.requests.stream()
                .collect(Collectors.groupingBy(r -> r.headers().get("webhook-id"), Collectors.counting()));
        assertThat(okById).hasSize(6);
        List<WebhookDelivery> deliveries = service.deliveries(e.id(), 50);
        assertThat(deliveries).hasSize(6).allSatisfy(d -> assertThat(d.status()).isEqualTo(OutboxStatus.SENT));
        long successes = deliveries.stream().flatMap(d -> service.attempts(d.id()).stream())
                .filter(WebhookAttempt::succeeded).count();
        assertThat(successes).isEqualTo(6);
        assertThat(deliveries.stream().mapToInt(WebhookDelivery::attempts).sum()).isEqualTo(12);
        assertThat(receiver.requests).allSatisfy(
                r -> assertThat(SpecVerifier.verify(e.secret(), r.headers(), r.body())).isTrue());
        assertThat(service.get(e.id()).failingSince()).isNull();
    }

    @Test
    void retryAfterIsHonouredAndAttemptsAreRecorded() {
        WebhookEndpoint e = endpoint(List.of("chat.started"));
        receiver.then(new Receiver.Reply(429, Map.of("Retry-After", "600"), "slow down"));
        start();
        dispatcher.dispatchDue();
        WebhookDelivery d = service.deliveries(e.id(), 1).get(0);
        assertThat(d.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(d.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(600));
        assertThat(d.lastStatusCode()).isEqualTo(429);
        assertThat(service.attempts(d.id())).singleElement().satisfies(a -> {
            assertThat(a.statusCode()).isEqualTo(429);
            assertThat(a.response()).isEqualTo("slow down");
            assertThat(a.durationMillis()).isNotNegative();
        });
        clock.move(Duration.ofSeconds(599));
        assertThat(dispatcher.dispatchDue()).isZero();
        clock.move(Duration.ofSeconds(1));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(service.deliveries(e.id(), 1).get(0).status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void a410DisablesTheEndpoint() {
        WebhookEndpoint e = endpoint(List.of("chat.started"));
        receiver.then(Receiver.status(410));
        start();
        start();
        dispatcher.dispatchDue();
        WebhookEndpoint after = service.get(e.id());
        assertThat(after.enabled()).isFalse();
        assertThat(after.disabledReason()).contains("410");
        assertThat(receiver.requests).hasSize(1);
        assertThat(service.deliveries(e.id(), 10)).allSatisfy(d -> assertThat(d.status())
                .isEqualTo(OutboxStatus.FAILED));
        start();
        assertThat(service.deliveries(e.id(), 10)).hasSize(2);
    }

    @Test
    void anEndpointFailingLongerThanTheLimitIsDisabledAndRetriesEndAfterTheLastDelay() {
        WebhookEndpoint e = endpoint(List.of("chat.started"));
        for (int i = 0; i < 20; i++) {
            receiver.then(Receiver.status(500));
        }
        start();
        Instant first = clock.instant();
        for (int i = 0; i < 8; i++) {
            dispatcher.dispatchDue();
            clock.move(Duration.ofHours(10));
        }
        WebhookDelivery d = service.deliveries(e.id(), 1).get(0);
        assertThat(d.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(d.attempts()).isEqualTo(8);
        assertThat(service.get(e.id()).failingSince()).isEqualTo(first);
        assertThat(service.get(e.id()).enabled()).isTrue();
        start();
        clock.move(Duration.ofDays(5));
        dispatcher.dispatchDue();
        assertThat(service.get(e.id()).enabled()).isFalse();
        assertThat(service.get(e.id()).disabledReason()).contains("no delivery succeeded since");
        WebhookEndpoint again = service.update(e.id(), new EndpointDraft(null, null, null, true));
        assertThat(again.enabled()).isTrue();
        assertThat(again.failingSince()).isNull();
    }

    @Test
    void duringARotationBothSignaturesAreSentAndEachVerifies() throws Exception {
        WebhookEndpoint e = endpoint(List.of("chat.started"));
        WebhookEndpoint rotated = service.rotateSecret(e.id());
        assertThat(rotated.secret()).isNotEqualTo(e.secret());
        start();
        dispatcher.dispatchDue();
        Receiver.Request r = receiver.requests.get(0);
        assertThat(r.headers().get("webhook-signature").split(" ")).hasSize(2);
        assertThat(SpecVerifier.verify(e.secret(), r.headers(), r.body())).isTrue();
        assertThat(SpecVerifier.verify(rotated.secret(), r.headers(), r.body())).isTrue();
        clock.move(Duration.ofHours(24));
        start();
        dispatcher.dispatchDue();
        Receiver.Request later = receiver.requests.get(1);
        assertThat(later.headers().get("webhook-signature").split(" ")).hasSize(1);
        assertThat(SpecVerifier.verify(e.secret(), later.headers(), later.body())).isFalse();
        assertThat(SpecVerifier.verify(rotated.secret(), later.headers(), later.body())).isTrue();
    }

    @Test
    void redirectsAreNotFollowedAndResendKeepsTheWebhookId() {
        WebhookEndpoint e = endpoint(List.of("chat.started"));
        receiver.then(new Receiver.Reply(302, Map.of("Location", receiver.url("/elsewhere")), ""));
        start();
        dispatcher.dispatchDue();
        assertThat(receiver.requests).extracting(Receiver.Request::path).containsExactly("/hook");
        WebhookDelivery d = service.deliveries(e.id(), 1).get(0);
        assertThat(d.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(d.lastStatusCode()).isEqualTo(302);
        service.resend(d.id());
        dispatcher.dispatchDue();
        assertThat(receiver.requests).extracting(r -> r.headers().get("webhook-id"))
                .containsExactly(d.messageId(), d.messageId());
        assertThat(service.deliveries(e.id(), 1).get(0).status()).isEqualTo(OutboxStatus.SENT);
        service.resend(d.id());
        dispatcher.dispatchDue();
        assertThat(receiver.requests).hasSize(3);
        assertThat(service.attempts(d.id())).hasSize(3);
    }

    @Test
    void aPrivateTargetIsRefusedAtSendTimeWhenNotAllowed() {
        WebhookEndpoint e = endpoint(List.of("chat.started"));
        WebhookSettings strict = WebhookSettings.DEFAULTS;
        DefaultWebhookDispatcher strictDispatcher = new DefaultWebhookDispatcher(store.webhooks(),
                new DefaultWebhookSender(strict, clock), recorder, strict, clock, "node-b");
        start();
        strictDispatcher.dispatchDue();
        assertThat(receiver.requests).isEmpty();
        WebhookDelivery d = service.deliveries(e.id(), 1).get(0);
        assertThat(service.attempts(d.id())).singleElement().satisfies(a -> {
            assertThat(a.statusCode()).isNull();
            assertThat(a.response()).contains("127.0.0.1").contains("allow-private-targets");
        });
    }

    @Test
    void aReceiverThatIsGoneIsRecordedAsNoAnswer() {
        WebhookEndpoint e = endpoint(List.of("chat.started"));
        receiver.close();
        start();
        dispatcher.dispatchDue();
        WebhookDelivery d = service.deliveries(e.id(), 1).get(0);
        assertThat(d.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(d.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(5));
        assertThat(service.attempts(d.id())).singleElement().satisfies(a -> {
            assertThat(a.statusCode()).isNull();
            assertThat(a.response()).contains("ConnectException");
        });
    }

    private String type(String body) {
        return json.readTree(body).get("type").asString();
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
