package dev.parley.benchmarks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The host of the HTTP benchmark: nothing but Parley's auto-configuration, as in the Spring demo. */
@SpringBootConfiguration
@EnableAutoConfiguration
class BenchApp {}
