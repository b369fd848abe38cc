package dev.parley.benchmarks;

import dev.parley.Parley;
import dev.parley.chat.spring.web.ChatViews;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The host of the HTTP benchmark: Parley's auto-configuration, as in the Spring demo, and the bare servlet that is
 * the baseline of its POSTs ({@link BareChatServlet}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BenchApp {

    @Bean
    ServletRegistrationBean<BareChatServlet> bareChatServlet(Parley parley, ChatViews views) {
        return new ServletRegistrationBean<>(new BareChatServlet(parley.chats(), views), BareChatServlet.PATH);
    }
}
