package dev.parley.examples.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Parley demo: a sample host page with the chat widget ({@code /}) and the admin dashboard ({@code /parley/admin/}, from chat-ui),
 * on embedded defaults (an H2 file database and uploads under {@code ./data}, emails captured by an embedded SMTP
 * server). Run it with {@code mvn -B -pl examples/spring-boot-demo -am spring-boot:run}.
 */
@SpringBootApplication
public class DemoApplication {

    /** Starts the demo. */
    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
