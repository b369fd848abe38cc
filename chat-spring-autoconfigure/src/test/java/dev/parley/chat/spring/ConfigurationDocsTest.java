package dev.parley.chat.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** docs/configuration.md lists every property of the generated configuration metadata, each with a description. */
class ConfigurationDocsTest {

    @Test
    void everyPropertyIsDocumentedAndDescribed() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonMapper.builder().build().readTree(in);
        }
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"));
        List<String> undocumented = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asString();
            if (name.equals("parley.admins")) {
                name = "parley.admins[n].id";
            }
            if (!docs.contains("`" + name + "`")) {
                undocumented.add(name);
            }
            if (!property.has("description") || property.get("description").asString().isBlank()) {
                undescribed.add(name);
            }
        }

        assertThat(metadata.get("properties").size()).isGreaterThan(40);
        assertThat(undocumented).isEmpty();
        assertThat(undescribed).isEmpty();
    }
}
