package dev.parley.chat.mail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The mail adapter uses the core's public API and its own libraries only. */
class ArchitectureTest {

    private final JavaClasses mail = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.parley.chat.mail");

    @Test
    void mailImportsNoOtherAdapterAndNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "org.hibernate..", "com.cloudinary..",
                        "dev.parley.chat.jpa..", "dev.parley.chat.cloudinary..", "dev.parley.chat.spring..")
                .check(mail);
    }

    @Test
    void mailUsesOnlyThePublicApiOfTheCore() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dev.parley.chat.internal..", "dev.parley.chat.store.memory..")
                .check(mail);
    }
}
