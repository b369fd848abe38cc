package dev.parley.chat.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.AssignmentTrigger;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatTransfer;
import dev.parley.chat.ChatUpdate;
import dev.parley.chat.StartChat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An {@link AssignmentTrigger} bean hears of chats a transfer leaves unassigned, also when it depends on Parley. */
class AssignmentTriggerWiringTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(ParleyAutoConfigurations.with())
            .withPropertyValues("parley.store=memory",
                    "parley.admins[0].id=ada", "parley.admins[0].name=Ada",
                    "parley.admins[1].id=bob", "parley.admins[1].name=Bob", "parley.admins[1].departments=sales");

    @Configuration(proxyBeanMethods = false)
    static class Drain {
        final List<Chat> waiting = new CopyOnWriteArrayList<>();

        @Bean
        AssignmentTrigger queueDrain(Parley parley) {
            return chat -> waiting.add(parley.chats().getChat(chat.id()));
        }
    }

    @Test
    void aTransferThatLeavesAChatUnassignedCallsTheTriggerBean() {
        runner.withUserConfiguration(Drain.class).run(context -> {
            Parley parley = context.getBean(Parley.class);
            long id = parley.chats().startChat(new StartChat("Grace", null, null, "sales", "Hi")).chat().id();
            parley.chats().updateChat(ChatUpdate.assign(id, "bob"));
            parley.chats().transferChat(new ChatTransfer(id, "ada", null, "technical", null));

            assertThat(context.getBean(Drain.class).waiting).singleElement().satisfies(chat -> {
                assertThat(chat.department()).isEqualTo("technical");
                assertThat(chat.assignedTo()).isNull();
            });
        });
    }

    @Test
    void withoutATriggerBeanATransferLeavesTheChatWaitingUnassigned() {
        runner.run(context -> {
            Parley parley = context.getBean(Parley.class);
            long id = parley.chats().startChat(new StartChat("Grace", null, null, "sales", "Hi")).chat().id();
            Chat moved = parley.chats().transferChat(new ChatTransfer(id, "ada", null, "technical", null));
            assertThat(moved.assignedTo()).isNull();
            assertThat(parley.chats().getChat(id).department()).isEqualTo("technical");
        });
    }
}
