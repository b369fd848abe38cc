package dev.parley.chat.spring.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ParleyMultipartDefaultsTest {

    private final ParleyMultipartDefaults defaults = new ParleyMultipartDefaults();

    @Test
    void multipartLimitsFollowTheUploadLimit() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("app",
                Map.of("parley.uploads.max-file-size", "2MB")));

        defaults.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("spring.servlet.multipart.max-file-size")).isEqualTo((2 * 1024 * 1024) + "B");
        assertThat(env.getProperty("spring.servlet.multipart.max-request-size"))
                .isEqualTo((2 * 1024 * 1024 + 64 * 1024) + "B");
    }

    @Test
    void theApplicationsOwnMultipartLimitsWin() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("app",
                Map.of("spring.servlet.multipart.max-file-size", "20MB")));

        defaults.postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("spring.servlet.multipart.max-file-size")).isEqualTo("20MB");
        assertThat(env.getProperty("spring.servlet.multipart.max-request-size")).isEqualTo((5 * 1024 * 1024
                + 64 * 1024) + "B");
    }
}
