package dev.parley.examples.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * axe-core, the accessibility checker, run in the page of a browser. It comes from npm (axe-core 4.14.1), installed
 * by .ci/run into target/npm; it is injected with executeScript, so the pages' Content-Security-Policy allows it.
 */
final class Axe {

    private static final Path SCRIPT = Path.of(System.getProperty("parley.test.axe",
            "target/npm/node_modules/axe-core/axe.min.js"));

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then((r) => done(r.violations
                .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                  + v.nodes.map((n) => JSON.stringify(n.target)).join(', '))))
              .catch((e) => done(['axe failed: ' + e]));
            """;

    private Axe() {}

    /** The violations of impact "serious" or "critical" on the page as it is now, one line each. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Browser browser) {
        if (!Files.isReadable(SCRIPT)) {
            throw new IllegalStateException("The accessibility scans need axe-core at " + SCRIPT.toAbsolutePath()
                    + ": npm install --prefix examples/spring-boot-demo/target/npm axe-core@4.14.1 (.ci/run does it),"
                    + " or pass -Dparley.test.axe=<path of axe.min.js>");
        }
        // a transition under way has colours in between: scan the page at rest, after the dashboard's toast (which
        // fades out after 4 s, perhaps in the middle of a scan) is gone
        browser.until(d -> (Boolean) browser.script(
                "return document.getAnimations().length === 0 && !document.querySelector('#toast.show')"));
        try {
            browser.script(Files.readString(SCRIPT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (List<String>) browser.driver.executeAsyncScript(RUN);
    }
}
