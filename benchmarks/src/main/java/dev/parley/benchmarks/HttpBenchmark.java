package dev.parley.benchmarks;

/** HTTP end to end through the Spring module: measured once {@code chat-spring-autoconfigure} is merged. */
final class HttpBenchmark {

    static final String TITLE = "5. HTTP end to end";

    private HttpBenchmark() {}

    static Section notYet() {
        return new Section(TITLE, "Message POSTs over loopback, SSE delivery latency and heap per SSE client.",
                "Parley", "baseline", "n/a")
                .finding("Not measured: the Spring module (`chat-spring-autoconfigure`, HTTP API and SSE streams) "
                        + "is not in `main` yet, so there is no HTTP endpoint to drive.");
    }
}
