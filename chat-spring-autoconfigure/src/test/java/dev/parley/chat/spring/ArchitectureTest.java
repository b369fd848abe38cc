package dev.parley.chat.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** The Spring module wires and translates; the rules stay in the core. */
class ArchitectureTest {

    private final JavaClasses spring = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.parley.chat.spring");

    @Test
    void theHttpLayerGoesThroughTheServicesNeverTheStoreOrTheCoresInternals() {
        noClasses().that().resideInAnyPackage("dev.parley.chat.spring.web..", "dev.parley.chat.spring.sse..",
                        "dev.parley.chat.spring.security..", "dev.parley.chat.spring.files..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parley.chat.store..",
                        "dev.parley.chat.internal..")
                .check(spring);
    }

    @Test
    void noPartOfTheModuleUsesTheCoresInternals() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.parley.chat.internal..").check(spring);
    }

    @Test
    void autoConfigurationsArePackagePrivateAndScanNothing() {
        classes().that().areAnnotatedWith(AutoConfiguration.class).should().notHaveModifier(JavaModifier.PUBLIC)
                .andShould().notBeAnnotatedWith(ComponentScan.class)
                .check(spring);
        noClasses().should().beAnnotatedWith(ComponentScan.class).check(spring);
    }
}
