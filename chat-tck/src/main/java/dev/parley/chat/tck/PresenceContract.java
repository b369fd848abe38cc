package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatMessage;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.Sender;
import dev.parley.chat.StartChat;
import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.presence.DefaultPresenceTracker;
import dev.parley.chat.presence.Heartbeat;
import dev.parley.chat.presence.OnlineAdmin;
import dev.parley.chat.presence.PresenceTracker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Presence: heartbeats, going offline, the heartbeat timeout (by the clock), departments, and the "agent available"
 * message to waiting chats when the first admin comes online.
 */
public abstract class PresenceContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected PresenceContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private PresenceTracker presence() {
        return parley().presence();
    }

    private List<String> onlineIds(String department) {
        return presence().online(department).stream().map(o -> o.admin().id()).toList();
    }

    @Test
    void aHeartbeatMakesAnAdminOnlineWithTheHostsDetails() {
        AdminPresence stored = presence().heartbeat("alice", new Heartbeat(true, null, " socket-1 "));

        assertThat(stored).isEqualTo(new AdminPresence("alice", true, T0, "socket-1", null));
        assertThat(store().presence().find("alice")).contains(stored);
        assertThat(presence().anyOnline(null)).isTrue();
        assertThat(presence().online(null)).singleElement().satisfies(o -> {
            assertThat(o.admin()).isEqualTo(ALICE);
            assertThat(o.presence()).isEqualTo(stored);
        });
    }

    @Test
    void nobodyIsOnlineAtFirst() {
        assertThat(presence().anyOnline(null)).isFalse();
        assertThat(presence().online(null)).isEmpty();
        assertThat(store().presence().find("alice")).isEmpty();
    }

    @Test
    void onlyKnownAdminsSendHeartbeats() {
        assertFails(ErrorCode.FORBIDDEN, () -> presence().heartbeat("mallory", Heartbeat.onlineForAll()), "mallory");
        assertFails(ErrorCode.UNAUTHENTICATED, () -> presence().heartbeat(" ", Heartbeat.onlineForAll()));
        assertFails(ErrorCode.VALIDATION, () -> presence().heartbeat("alice", new Heartbeat(true, "nope", null)),
                "nope");
        assertFails(ErrorCode.VALIDATION, () -> presence().heartbeat("alice", new Heartbeat(true, "No Slug", null)),
                "department");
        assertThat(store().presence().find("mallory")).isEmpty();
        assertThat(store().presence().find("alice")).isEmpty();
    }

    @Test
    void anAdminStaysOnlineForTwoMinutesAfterTheLastHeartbeat() {
        online("alice");
        clock.advance(Duration.ofSeconds(119));
        assertThat(presence().anyOnline(null)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(presence().anyOnline(null)).isFalse();
        assertThat(presence().online(null)).isEmpty();
        assertThat(presence().heartbeatTimeout()).isEqualTo(Duration.ofMinutes(2));

        online("alice");
        assertThat(presence().anyOnline(null)).isTrue();
    }

    @Test
    void regularHeartbeatsKeepAnAdminOnline() {
        for (int i = 0; i < 10; i++) {
            online("alice");
            clock.advance(Duration.ofSeconds(30));
            assertThat(presence().anyOnline(null)).isTrue();
        }
        assertThat(store().presence().onlineSeenAfter(T0.minusSeconds(3_600))).singleElement()
                .satisfies(p -> assertThat(p.lastSeenAt()).isEqualTo(T0.plusSeconds(270)));
    }

    @Test
    void theTimeoutIsConfigurable() {
        var quick = newParley(store(), settings().withHeartbeatTimeout(Duration.ofSeconds(30)));
        quick.presence().heartbeat("alice", Heartbeat.onlineForAll());
        clock.advance(Duration.ofSeconds(29));
        assertThat(quick.presence().anyOnline(null)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(quick.presence().anyOnline(null)).isFalse();
    }

    @Test
    void goingOfflineTakesEffectAtOnce() {
        online("alice");
        presence().goOffline("alice");
        assertThat(presence().anyOnline(null)).isFalse();
        assertThat(store().presence().find("alice")).map(AdminPresence::online).contains(false);
        assertFails(ErrorCode.FORBIDDEN, () -> presence().goOffline("mallory"));
    }

    @Test
    void aHeartbeatTakenByAnotherNodeCountsHereWithinTheCacheTtl() {
        var otherNode = newParley(store(), settings());
        assertThat(presence().anyOnline(null)).isFalse();

        otherNode.presence().heartbeat("alice", Heartbeat.onlineForAll());
        assertThat(otherNode.presence().anyOnline(null)).as("the node that took it").isTrue();
        assertThat(presence().anyOnline(null)).as("this node, answering from its copy").isFalse();
        clock.advance(DefaultPresenceTracker.ONLINE_CACHE_TTL);
        assertThat(presence().anyOnline(null)).isTrue();

        otherNode.presence().goOffline("alice");
        assertThat(otherNode.presence().anyOnline(null)).isFalse();
        clock.advance(DefaultPresenceTracker.ONLINE_CACHE_TTL);
        assertThat(presence().anyOnline(null)).isFalse();
    }

    @Test
    void aChatStartedRightAfterThisNodesHeartbeatSeesTheAdmin() {
        assertThat(presence().anyOnline("sales")).isFalse();
        online("alice");
        PostedMessage started = parley().chats().startChat(new StartChat("Ada", null, null, "sales", "Hi"));
        assertThat(started.chat().status()).isEqualTo(ChatStatus.ACTIVE);
        assertThat(started.adminOnline()).isTrue();
    }

    @Test
    void presenceChangesArePublishedOnlyWhenOnlineStateChanges() {
        online("alice");
        clock.advance(Duration.ofSeconds(30));
        online("alice");
        presence().goOffline("alice");
        presence().goOffline("alice");

        assertThat(events.of(ChatEvent.PresenceChanged.class))
                .extracting(ChatEvent.PresenceChanged::wasOnline, ChatEvent.PresenceChanged::isOnline)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, true),
                        org.assertj.core.groups.Tuple.tuple(true, false));
    }

    @Test
    void theStoreRefreshesOnlyAnAdminWhoStaysAsTheyWere() {
        var records = store().presence();
        Instant after = T0.minusSeconds(120);
        AdminPresence beat = new AdminPresence("alice", true, T0.plusSeconds(30), "s2", null);
        assertThat(records.refresh(beat, after)).as("no row yet").isFalse();
        assertThat(records.find("alice")).isEmpty();

        records.upsert(new AdminPresence("alice", true, T0, "s1", null));
        assertThat(records.refresh(beat, after)).isTrue();
        assertThat(records.find("alice")).contains(beat);

        AdminPresence sales = new AdminPresence("alice", true, T0.plusSeconds(60), "s2", "sales");
        assertThat(records.refresh(sales, after)).as("another department").isFalse();
        assertThat(records.refresh(new AdminPresence("alice", true, T0.plusSeconds(200), "s2", null), T0.plusSeconds(30)))
                .as("seen too long ago").isFalse();
        assertThat(records.refresh(new AdminPresence("alice", false, T0.plusSeconds(60), null, null), after))
                .as("going offline").isFalse();
        assertThat(records.find("alice")).contains(beat);

        records.upsert(new AdminPresence("alice", false, T0.plusSeconds(40), null, null));
        assertThat(records.refresh(new AdminPresence("alice", true, T0.plusSeconds(50), "s2", null), after)).as("offline row").isFalse();
        assertThat(records.find("alice")).map(AdminPresence::online).contains(false);

        records.upsert(sales);
        AdminPresence salesAgain = new AdminPresence("alice", true, T0.plusSeconds(90), null, "sales");
        assertThat(records.refresh(salesAgain, after)).as("same department").isTrue();
        assertThat(records.find("alice")).contains(salesAgain);
    }

    @Test
    void aRoutineHeartbeatThenAnotherDepartmentStillAnnouncesTheChange() {
        presence().heartbeat("alice", new Heartbeat(true, "technical", null));
        clock.advance(Duration.ofSeconds(30));
        presence().heartbeat("alice", new Heartbeat(true, "technical", null));
        assertThat(presence().anyOnline("general")).isFalse();

        presence().heartbeat("alice", new Heartbeat(true, "general", null));
        assertThat(presence().anyOnline("general")).isTrue();
        assertThat(store().presence().find("alice")).map(AdminPresence::department).contains("general");
        assertThat(events.of(ChatEvent.PresenceChanged.class)).as("online once, all along")
                .extracting(ChatEvent.PresenceChanged::wasOnline).containsExactly(false);
    }

    @Test
    void anAdminOnlineForOneDepartmentServesOnlyThatDepartment() {
        presence().heartbeat("carol", new Heartbeat(true, "technical", null));

        assertThat(presence().anyOnline("technical")).isTrue();
        assertThat(presence().anyOnline("general")).isFalse();
        assertThat(presence().anyOnline(null)).isTrue();
        assertThat(onlineIds("technical")).containsExactly("carol");
        assertThat(onlineIds("general")).isEmpty();
        assertThat(parley().chats().startChat(new StartChat("Ada", null, null, "general", "Hi")).chat().status())
                .isEqualTo(ChatStatus.WAITING);
        assertThat(parley().chats().startChat(new StartChat("Ada", null, null, "technical", "Hi")).chat().status())
                .isEqualTo(ChatStatus.ACTIVE);
    }

    @Test
    void anAdminCountsOnlyForTheDepartmentsTheDirectoryGivesThem() {
        online("bob");

        assertThat(presence().anyOnline("sales")).isTrue();
        assertThat(presence().anyOnline("general")).isFalse();
        assertThat(onlineIds("sales")).containsExactly("bob");
        assertThat(onlineIds("general")).isEmpty();
        assertThat(start("Ada", "general", "Hi").adminOnline()).isFalse();
        assertThat(start("Ada", "sales", "Hi").adminOnline()).isTrue();
    }

    @Test
    void severalAdminsAreListed() {
        online("alice");
        online("carol");
        presence().heartbeat("bob", new Heartbeat(true, "sales", null));
        assertThat(presence().online(null)).extracting(OnlineAdmin::admin)
                .containsExactlyInAnyOrder(ALICE, BOB, CAROL);
        assertThat(onlineIds("finance")).containsExactlyInAnyOrder("alice", "carol");
        presence().goOffline("carol");
        assertThat(onlineIds("finance")).containsExactly("alice");
    }

    // ---- agent available ----------------------------------------------------------------------------------

    private List<ChatMessage> systemMessages(long chatId) {
        return storedMessages(chatId).stream().filter(m -> m.sender() == Sender.SYSTEM).toList();
    }

    @Test
    void theFirstAdminComingOnlineTellsEveryWaitingChat() {
        PostedMessage withEmail = start("Ada", "Hi");
        PostedMessage withoutEmail = parley().chats().startChat(new StartChat("Bo", null, null, null, "Hello"));
        PostedMessage resolved = start("Cy", "Bye");
        status(resolved.chat().id(), ChatStatus.RESOLVED);
        events.clear();
        clock.advance(Duration.ofSeconds(20));

        online("carol");

        for (PostedMessage waiting : List.of(withEmail, withoutEmail)) {
            assertThat(systemMessages(waiting.chat().id())).singleElement().satisfies(m -> {
                assertThat(m.message()).isEqualTo(DefaultPresenceTracker.AGENT_AVAILABLE);
                assertThat(m.senderId()).isNull();
                assertThat(m.createdAt()).isEqualTo(T0.plusSeconds(20));
            });
            Chat chat = chat(waiting.chat().id());
            assertThat(chat.analytics().totalMessages()).as("system messages are not counted").isEqualTo(1);
            assertThat(chat.updatedAt()).isEqualTo(T0.plusSeconds(20));
        }
        assertThat(systemMessages(resolved.chat().id())).isEmpty();
        assertThat(pending("AGENT_AVAILABLE")).hasSize(1);
        assertThat(events.of(ChatEvent.MessagePosted.class)).extracting(e -> e.chat().id())
                .containsExactlyInAnyOrder(withEmail.chat().id(), withoutEmail.chat().id());

        parley().outbox().dispatchDue();
        assertThat(notifier.delivered(dev.parley.chat.notification.AgentAvailableNotification.class))
                .singleElement().satisfies(n -> {
                    assertThat(n.recipients()).containsExactly("ada@example.org");
                    assertThat(n.chatId()).isEqualTo(withEmail.chat().id());
                });
    }

    @Test
    void aVisitorWhoDidNotAskForEmailsGetsTheMessageButNoEmail() {
        PostedMessage noOptIn = parley().chats().startChat(new StartChat("Di", "di@example.org", null, null, "Hi",
                false));

        online("carol");

        assertThat(systemMessages(noOptIn.chat().id())).hasSize(1);
        assertThat(pending("AGENT_AVAILABLE")).isEmpty();
    }

    @Test
    void furtherHeartbeatsAndFurtherAdminsDoNotRepeatTheMessage() {
        PostedMessage waiting = start("Ada", "Hi");
        online("alice");
        clock.advance(Duration.ofSeconds(30));
        online("alice");
        online("carol");

        assertThat(systemMessages(waiting.chat().id())).hasSize(1);
        assertThat(pending("AGENT_AVAILABLE")).hasSize(1);
    }

    @Test
    void anAdminForOneDepartmentTellsOnlyThatDepartmentsWaitingChats() {
        PostedMessage general = start("Ada", "general", "Hi");
        PostedMessage sales = start("Bo", "sales", "Price?");

        presence().heartbeat("alice", new Heartbeat(true, "sales", null));
        assertThat(systemMessages(sales.chat().id())).hasSize(1);
        assertThat(systemMessages(general.chat().id())).isEmpty();

        online("carol");
        assertThat(systemMessages(general.chat().id())).hasSize(1);
        assertThat(systemMessages(sales.chat().id())).as("already served by alice").hasSize(1);
    }

    @Test
    void anAdminTellsOnlyWaitingChatsOfDepartmentsTheDirectoryGivesThem() {
        PostedMessage general = start("Ada", "general", "Hi");
        PostedMessage sales = start("Bo", "sales", "Price?");

        online("bob");

        assertThat(systemMessages(sales.chat().id())).hasSize(1);
        assertThat(systemMessages(general.chat().id())).isEmpty();
    }

    @Test
    void widerHeartbeatsTellOnlyTheNewlyServedDepartments() {
        PostedMessage general = start("Ada", "general", "Hi");
        PostedMessage sales = start("Bo", "sales", "Price?");

        presence().heartbeat("alice", new Heartbeat(true, "sales", null));
        clock.advance(Duration.ofSeconds(30));
        online("alice");

        assertThat(systemMessages(sales.chat().id())).as("told once when alice came online for sales").hasSize(1);
        assertThat(systemMessages(general.chat().id())).as("told when alice widened to all").hasSize(1);
    }
}
