package dev.parley.chat.spring.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/getting-started.md, executed: the snippets marked {@code <!-- guide: path -->} are written where the guide
 * says, the Java ones compiled, the application started from them (with the secret the guide exports), and the
 * guide's curl walkthrough run by bash against it. The guide cannot drift from what works.
 */
class GettingStartedGuideTest {

    private static final Path GUIDE = Path.of("..", "docs", "getting-started.md");
    private static final Pattern SNIPPET = Pattern.compile("<!-- guide: (\\S+) -->\\n```\\w+\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final String JAVA = "src/main/java/";
    private static final String RESOURCES = "src/main/resources/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path project;

    @Test
    void theGuidesApplicationStartsFromItsSnippetsAndItsWalkthroughRuns() throws Exception {
        Map<String, String> snippets = snippets();
        assertThat(snippets).containsKeys(JAVA + "com/example/support/SupportApplication.java",
                JAVA + "com/example/support/DevTokenController.java", RESOURCES + "application.properties",
                "walkthrough");
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        List<Path> sources = new ArrayList<>();
        for (Map.Entry<String, String> s : snippets.entrySet()) {
            if (s.getKey().startsWith(JAVA)) {
                sources.add(write(project.resolve(s.getKey()), s.getValue()));
            } else if (s.getKey().startsWith(RESOURCES)) {
                // the guide's database lives in ./data of the working directory; this one in the test's folder
                write(classes.resolve(s.getKey().substring(RESOURCES.length())),
                        s.getValue().replace("./data/", project.resolve("data") + "/"));
            }
        }
        compile(sources, classes);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader());
             ConfigurableApplicationContext app = start(loader)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();

            List<JsonNode> answers = walkthrough(snippets.get("walkthrough").replace("localhost:8080",
                    "localhost:" + port));

            assertThat(answers).hasSize(6).allSatisfy(a -> assertThat(a.get("success").asBoolean())
                    .as(a.toString()).isTrue());
            JsonNode listed = answers.get(0).at("/data/items/0/chat");
            assertThat(listed.get("visitorName").asString()).isEqualTo("Grace");
            assertThat(listed.get("department").asString()).isEqualTo("sales");
            assertThat(answers.get(1).at("/data/message").asString()).isEqualTo("We do!");
            assertThat(answers.get(2).at("/data/status").asString()).isEqualTo("RESOLVED");
            JsonNode read = answers.get(3).get("data");
            assertThat(read.get("status").asString()).isEqualTo("RESOLVED");
            assertThat(read.get("messages")).extracting(m -> m.get("message").asString())
                    .containsExactly("Do you ship to Norway?", "We do!");
            assertThat(answers.get(4).at("/data/rating").asInt()).isEqualTo(5);
            JsonNode summary = answers.get(5).at("/data/summary");
            assertThat(summary.get("totalChats").asInt()).isEqualTo(1);
            assertThat(summary.get("resolvedChats").asInt()).isEqualTo(1);
            assertThat(summary.get("avgRating").asDouble()).isEqualTo(5.0);
        }
    }

    /** The marked snippets of the guide, by where they go. */
    private static Map<String, String> snippets() throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = SNIPPET.matcher(Files.readString(GUIDE));
        while (m.find()) {
            found.put(m.group(1), m.group(2) + "\n");
        }
        return found;
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static void compile(List<Path> sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean compiled = javac.getTask(null, files, diagnostics, List.of("-d", classes.toString(),
                    "-classpath", classpath, "-proc:none", "--release", "17", "-parameters"), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(compiled).as("the guide's Java compiles: %s", diagnostics.getDiagnostics()).isTrue();
        }
    }

    /** Runs the guide's application class, as {@code mvn spring-boot:run} with the exported secret would. */
    private static ConfigurableApplicationContext start(ClassLoader loader) throws ClassNotFoundException {
        Class<?> main = loader.loadClass("com.example.support.SupportApplication");
        SpringApplication application = new SpringApplication(new DefaultResourceLoader(loader), main);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return application.run("--server.port=0", "--spring.main.banner-mode=off",
                    "--parley.security.jwt-secret=" + "guide-test-secret-".repeat(3));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Runs the walkthrough in bash, each curl's answer on a line of its own, and parses the printed answers. */
    private List<JsonNode> walkthrough(String script) throws IOException, InterruptedException {
        Path file = write(project.resolve("walkthrough.sh"), "set -euo pipefail\n"
                + "curl() { command curl --fail-with-body \"$@\"; echo; }\n" + script);
        Process bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        List<JsonNode> answers = new ArrayList<>();
        for (String line : output.lines().filter(l -> !l.isBlank()).toList()) {
            answers.add(JSON.readTree(line));
        }
        return answers;
    }
}
