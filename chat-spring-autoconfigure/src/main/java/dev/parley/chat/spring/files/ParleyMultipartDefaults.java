package dev.parley.chat.spring.files;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Aligns the servlet multipart limits with {@code parley.uploads.max-file-size} (default 5 MB) unless the
 * application sets {@code spring.servlet.multipart.*} itself: the defaults are added with the lowest precedence.
 * A larger upload is then refused by the container and answered 413 in Parley's JSON envelope.
 */
final class ParleyMultipartDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "parleyMultipartDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DataSize max = Binder.get(environment).bind("parley.uploads.max-file-size", DataSize.class)
                .orElse(DataSize.ofMegabytes(5));
        long fileBytes = max.toBytes();
        long requestBytes = fileBytes + DataSize.ofKilobytes(64).toBytes();
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "spring.servlet.multipart.max-file-size", fileBytes + "B",
                "spring.servlet.multipart.max-request-size", requestBytes + "B")));
    }
}
