package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.Parley;
import dev.parley.chat.OutboxStatus;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.StartChat;
import dev.parley.chat.WebhookAttempt;
import dev.parley.chat.WebhookDelivery;
import dev.parley.chat.WebhookEndpoint;
import dev.parley.chat.WebhookEventType;
import dev.parley.chat.store.WebhookRecords;
import com.sun.net.httpserver.HttpServer;
import dev.parley.chat.webhook.DefaultWebhookDispatcher;
import dev.parley.chat.webhook.DefaultWebhookSender;
import dev.parley.chat.webhook.WebhookRecorder;
import dev.parley.chat.webhook.WebhookSecret;
import dev.parley.chat.webhook.WebhookSettings;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook SPI: endpoints round-trip with their secrets, deliveries are claimed exclusively with a lease, an
 * attempt is stored only by the dispatcher that still holds the claim, and deliveries recorded by
 * {@link WebhookRecorder} are stored with the change or rolled back with it.
 */
public abstract class WebhooksContract extends ContractSuite {

    private static final Instant LEASE = T0.plusSeconds(120);

    /** Binds the suite to the adapter's test. */
    protected WebhooksContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private WebhookRecords records() {
        return store().webhooks();
    }

    @BeforeEach
    final void noEndpointsLeft() {
        records().listEndpoints().forEach(e -> records().deleteEndpoint(e.id()));
    }

    private WebhookEndpoint endpoint(Set<WebhookEventType> events) {
        return records().insertEndpoint(new WebhookEndpoint(0, "https://hooks.example.com/parley", "CRM", events,
                true, WebhookSecret.generate().value(), null, null, null, null, T0, T0));
    }

    private WebhookDelivery delivery(long endpointId, String id, Instant due) {
        return records().insertDelivery(new WebhookDelivery(0, endpointId, id, WebhookEventType.CHAT_STARTED,
                "{\"type\":\"chat.started\"}", OutboxStatus.PENDING, 0, T0, due, null, null, null));
    }

    private WebhookAttempt attempt(WebhookDelivery d, @Nullable Integer status) {
        return new WebhookAttempt(0, d.id(), T0, status, 42, status == null ? "ConnectException" : "ok");
    }

    @Test
    void endpointsRoundTripWithEveryField() {
        WebhookEndpoint e = endpoint(Set.of(WebhookEventType.CHAT_STARTED, WebhookEventType.CHAT_RATED));
        assertThat(e.id()).isPositive();
        assertThat(records().findEndpoint(e.id())).contains(e);
        WebhookEndpoint changed = new WebhookEndpoint(e.id(), "https://other.example.com/h", null,
                Set.of(WebhookEventType.TRANSCRIPT_SENT), false, WebhookSecret.generate().value(), e.secret(),
                T0.plusSeconds(86_400), T0.plusSeconds(5), "the receiver answered 410 Gone", T0, T0.plusSeconds(9));
        assertThat(records().updateEndpoint(changed)).isTrue();
        assertThat(records().findEndpoint(e.id())).contains(changed);
        assertThat(records().listEndpoints()).containsExactly(changed);
        assertThat(records().updateEndpoint(changed.withId(e.id() + 1_000))).isFalse();
    }

    @Test
    void deletingAnEndpointDeletesItsDeliveriesAndAttempts() {
        WebhookEndpoint e = endpoint(Set.of(WebhookEventType.CHAT_STARTED));
        WebhookEndpoint other = endpoint(Set.of(WebhookEventType.CHAT_STARTED));
        WebhookDelivery d = delivery(e.id(), "msg_1", T0);
        WebhookDelivery kept = delivery(other.id(), "msg_1", T0);
        records().claim("a", T0, LEASE, 10);
        records().recordAttempt("a", attempt(d, 500), OutboxStatus.PENDING, T0.plusSeconds(5));
        assertThat(records().deleteEndpoint(e.id())).isTrue();
        assertThat(records().deleteEndpoint(e.id())).isFalse();
        assertThat(records().findEndpoint(e.id())).isEmpty();
        assertThat(records().findDelivery(d.id())).isEmpty();
        assertThat(records().listAttempts(d.id())).isEmpty();
        assertThat(records().findDelivery(kept.id())).isPresent();
    }

    @Test
    void deliveriesAreListedNewestFirstAndClaimedOldestDueFirstOnce() {
        WebhookEndpoint e = endpoint(Set.of(WebhookEventType.CHAT_STARTED));
        WebhookDelivery late = delivery(e.id(), "msg_late", T0.plusSeconds(60));
        WebhookDelivery second = delivery(e.id(), "msg_2", T0.minusSeconds(5));
        WebhookDelivery first = delivery(e.id(), "msg_1", T0.minusSeconds(10));
        assertThat(records().listDeliveries(e.id(), 2)).extracting(WebhookDelivery::id)
                .containsExactly(first.id(), second.id());
        List<WebhookDelivery> claimed = records().claim("a", T0, LEASE, 10);
        assertThat(claimed).extracting(WebhookDelivery::id).containsExactly(first.id(), second.id());
        assertThat(claimed).allSatisfy(d -> {
            assertThat(d.claimedBy()).isEqualTo("a");
            assertThat(d.claimedUntil()).isEqualTo(LEASE);
        });
        assertThat(records().claim("b", T0.plusSeconds(60), LEASE, 10)).extracting(WebhookDelivery::id)
                .containsExactly(late.id());
        assertThat(records().claim("b", LEASE.plusSeconds(1), LEASE.plusSeconds(200), 10))
                .extracting(WebhookDelivery::id).containsExactlyInAnyOrder(first.id(), second.id(), late.id());
    }

    @Test
    void aLeaseWithNanosecondsIsClaimed() {
        // system clocks on Linux tell nanoseconds; databases keep microseconds
        WebhookDelivery d = delivery(endpoint(Set.of(WebhookEventType.CHAT_STARTED)).id(), "msg_nanos", T0);
        assertThat(records().claim("a", T0.plusNanos(1), LEASE.plusNanos(123_456_789), 10))
                .extracting(WebhookDelivery::id).containsExactly(d.id());
    }

    @Test
    void anAttemptIsStoredOnlyByTheClaimHolderAndMovesTheDelivery() {
        WebhookEndpoint e = endpoint(Set.of(WebhookEventType.CHAT_STARTED));
        WebhookDelivery d = delivery(e.id(), "msg_1", T0);
        assertThat(records().recordAttempt("a", attempt(d, 200), OutboxStatus.SENT, T0)).isEmpty();
        records().claim("a", T0, LEASE, 10);
        assertThat(records().recordAttempt("b", attempt(d, 200), OutboxStatus.SENT, T0)).isEmpty();
        WebhookAttempt stored = records().recordAttempt("a", attempt(d, 503), OutboxStatus.PENDING,
                T0.plusSeconds(5)).orElseThrow();
        assertThat(stored.id()).isPositive();
        WebhookDelivery after = records().findDelivery(d.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(after.nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(after.claimedBy()).isNull();
        assertThat(after.lastStatusCode()).isEqualTo(503);
        records().claim("a", T0.plusSeconds(5), LEASE, 10);
        records().recordAttempt("a", attempt(d, null), OutboxStatus.PENDING, T0.plusSeconds(300));
        records().claim("a", T0.plusSeconds(300), LEASE.plusSeconds(300), 10);
        records().recordAttempt("a", attempt(d, 204), OutboxStatus.SENT, T0.plusSeconds(300));
        assertThat(records().listAttempts(d.id())).extracting(WebhookAttempt::statusCode)
                .containsExactly(503, null, 204);
        assertThat(records().listAttempts(d.id()).get(1).response()).isEqualTo("ConnectException");
        assertThat(records().listAttempts(d.id()).get(0).durationMillis()).isEqualTo(42);
        assertThat(records().findDelivery(d.id()).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
        assertThat(records().claim("a", T0.plusSeconds(900), LEASE.plusSeconds(900), 10)).isEmpty();
    }

    @Test
    void requeueFailPendingAndReleaseChangeOnlyWhatTheySay() {
        WebhookEndpoint e = endpoint(Set.of(WebhookEventType.CHAT_STARTED));
        WebhookDelivery sent = delivery(e.id(), "msg_1", T0);
        records().claim("a", T0, LEASE, 10);
        records().recordAttempt("a", attempt(sent, 200), OutboxStatus.SENT, T0);
        assertThat(records().requeue(sent.id(), T0.plusSeconds(1))).isTrue();
        assertThat(records().requeue(sent.id() + 1_000, T0)).isFalse();
        WebhookDelivery again = records().findDelivery(sent.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(again.nextAttemptAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(again.messageId()).isEqualTo("msg_1");
        WebhookDelivery other = delivery(e.id(), "msg_2", T0);
        assertThat(records().claim("a", T0.plusSeconds(1), LEASE, 10)).hasSize(2);
        assertThat(records().release("a")).isEqualTo(2);
        assertThat(records().findDelivery(other.id()).orElseThrow().claimedBy()).isNull();
        assertThat(records().failPending(e.id())).isEqualTo(2);
        assertThat(records().findDelivery(other.id()).orElseThrow().status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(records().claim("a", T0.plusSeconds(10), LEASE, 10)).isEmpty();
    }

    @Test
    void concurrentClaimersNeverShareADelivery() throws Exception {
        WebhookEndpoint e = endpoint(Set.of(WebhookEventType.CHAT_STARTED));
        for (int i = 0; i < 40; i++) {
            delivery(e.id(), "msg_" + i, T0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<WebhookDelivery>>> claims = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String owner = "node-" + t;
                Callable<List<WebhookDelivery>> claim = () -> {
                    List<WebhookDelivery> mine = new ArrayList<>();
                    for (int round = 0; round < 10; round++) {
                        mine.addAll(records().claim(owner, T0, LEASE, 3));
                    }
                    return mine;
                };
                claims.add(pool.submit(claim));
            }
            Set<Long> seen = new HashSet<>();
            int total = 0;
            for (Future<List<WebhookDelivery>> f : claims) {
                for (WebhookDelivery d : f.get()) {
                    seen.add(d.id());
                    total++;
                }
            }
            assertThat(total).isEqualTo(40);
            assertThat(seen).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void recordedDeliveriesAreStoredWithTheChangeAndRolledBackWithIt() {
        WebhookEndpoint e = endpoint(Set.of(WebhookEventType.CHAT_STARTED, WebhookEventType.MESSAGE_CREATED));
        WebhookRecorder recorder = new WebhookRecorder(records(), clock, WebhookSettings.DEFAULTS);
        Parley hooked = newParley(recorder.wrap(store()), ParleySettings.DEFAULTS);
        hooked.chats().startChat(new StartChat("Ada", null, null, null, "Hello"));
        assertThat(records().listDeliveries(e.id(), 10)).extracting(d -> d.type().wireName())
                .containsExactly("message.created", "chat.started");
        assertThat(records().listDeliveries(e.id(), 10)).extracting(WebhookDelivery::messageId)
                .doesNotHaveDuplicates();

        FaultInjectingStore failing = new FaultInjectingStore(store()).failOn("chats.update");
        Parley broken = newParley(recorder.wrap(failing), ParleySettings.DEFAULTS);
        assertThatThrownBy(() -> broken.chats().startChat(new StartChat("Bo", null, null, null, "Hi")))
                .isInstanceOf(FaultInjectingStore.InjectedFault.class);
        assertThat(records().listDeliveries(e.id(), 10)).hasSize(2);
    }

    @Test
    void twoNodesDeliverEachEventOnce() throws Exception {
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.computeIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"),
                    k -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            WebhookSettings settings = WebhookSettings.DEFAULTS.withAllowPrivateTargets(true);
            WebhookEndpoint e = records().insertEndpoint(new WebhookEndpoint(0,
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", null,
                    Set.of(WebhookEventType.CHAT_STARTED, WebhookEventType.MESSAGE_CREATED), true,
                    WebhookSecret.generate().value(), null, null, null, null, T0, T0));
            WebhookRecorder recorder = new WebhookRecorder(records(), clock, settings);
            Parley hooked = newParley(recorder.wrap(store()), ParleySettings.DEFAULTS);
            for (int i = 0; i < 15; i++) {
                hooked.chats().startChat(new StartChat("Visitor " + i, null, null, null, "Hello " + i));
            }
            List<Future<Integer>> passes = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                DefaultWebhookDispatcher dispatcher = new DefaultWebhookDispatcher(records(),
                        new DefaultWebhookSender(settings, clock), recorder, settings, clock, node);
                passes.add(nodes.submit(dispatcher::dispatchDue));
            }
            int attempts = 0;
            for (Future<Integer> pass : passes) {
                attempts += pass.get();
            }
            List<WebhookDelivery> deliveries = records().listDeliveries(e.id(), 100);
            assertThat(deliveries).hasSize(30)
                    .allSatisfy(d -> assertThat(d.status()).isEqualTo(OutboxStatus.SENT));
            assertThat(attempts).isEqualTo(30);
            assertThat(received).hasSize(30);
            assertThat(received.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        } finally {
            nodes.shutdownNow();
            receiver.stop(0);
        }
    }
}
