package dev.parley.chat.spring.http;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A host application with nothing but Parley's auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApp {}
