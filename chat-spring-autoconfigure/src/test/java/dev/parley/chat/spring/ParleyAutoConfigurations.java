package dev.parley.chat.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.util.ClassUtils;

/** Every auto-configuration Parley registers, read from its AutoConfiguration.imports as Spring Boot does. */
public final class ParleyAutoConfigurations {

    private ParleyAutoConfigurations() {}

    /** Parley's auto-configurations (and the given Boot ones), ordered as Boot orders them. */
    public static AutoConfigurations with(Class<?>... others) {
        ClassLoader loader = ParleyAutoConfigurations.class.getClassLoader();
        List<Class<?>> classes = new ArrayList<>(List.of(others));
        for (String name : ImportCandidates.load(AutoConfiguration.class, loader)) {
            if (name.startsWith("dev.parley.")) {
                classes.add(ClassUtils.resolveClassName(name, loader));
            }
        }
        return AutoConfigurations.of(classes.toArray(Class<?>[]::new));
    }
}
