package dev.parley.chat;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/** The boundaries of ARCHITECTURE.md and STYLE.md that the core must keep. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.parley.chat");

    /** Public classes that do work rather than carry values; every other public class must be a record. */
    private static final String SERVICE_NAMES =
            "Default.*|.*Calculator|.*Storage|.*Notifier|.*Recorder|.*Codec|Outbox|Parley";

    private static DescribedPredicate<JavaClass> simpleNameMatching(String regex) {
        return DescribedPredicate.describe("simple name matching '" + regex + "'",
                c -> c.getSimpleName().matches(regex));
    }

    @Test
    void theCoreIsFoundOnTheExpectedClasses() {
        assertThat(CORE.contain(Parley.class)).isTrue();
        assertThat(CORE.size()).isGreaterThan(80);
    }

    @Test
    void theCoreImportsNoFrameworkPersistenceMailOrCloudType() {
        noClasses().that().resideInAPackage("dev.parley.chat..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "javax.persistence..", "org.hibernate..",
                        "jakarta.mail..", "javax.mail..", "org.eclipse.angus..", "com.sun.mail..", "com.cloudinary..",
                        "jakarta.servlet..", "javax.servlet..", "jakarta.inject..", "javax.inject..",
                        "jakarta.transaction..", "javax.sql..", "java.sql..")
                .check(CORE);
    }

    @Test
    void theCoreDependsOnlyOnTheJdkSlf4jJacksonAndJSpecify() {
        classes().that().resideInAPackage("dev.parley.chat..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "dev.parley.chat..",
                        "org.slf4j..", "tools.jackson..", "com.fasterxml.jackson.annotation..", "org.jspecify..")
                .check(CORE);
    }

    @Test
    void domainValuesAreRecords() {
        classes().that().resideInAPackage("dev.parley.chat..")
                .and().resideOutsideOfPackages("..internal..", "..store.memory..")
                .and().areTopLevelClasses()
                .and().arePublic()
                .and().areNotInterfaces()
                .and().areNotEnums()
                .and(not(simpleNameMatching(".*Exception")))
                .and().doNotHaveSimpleName("package-info")
                .and(not(simpleNameMatching(SERVICE_NAMES)))
                .should().beRecords()
                .because("domain values are immutable records (STYLE.md)")
                .check(CORE);
    }

    @Test
    void theNamedDomainTypesAreRecords() {
        for (Class<?> type : new Class<?>[] {Chat.class, ChatMessage.class,
                dev.parley.chat.department.ChatDepartment.class, dev.parley.chat.presence.AdminPresence.class,
                dev.parley.chat.analytics.ChatAnalytics.class, dev.parley.chat.knowledge.KnowledgeBaseArticle.class,
                dev.parley.chat.analytics.AnalyticsReport.class, dev.parley.chat.admin.Admin.class,
                dev.parley.chat.notification.OutboxItem.class}) {
            assertThat(type.isRecord()).as(type.getSimpleName()).isTrue();
        }
    }

    @Test
    void thereIsNoStaticMutableState() {
        fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("dev.parley.chat..")
                .should().beFinal()
                .check(CORE);
    }

    @Test
    void servicesTakeTheirCollaboratorsOnceInTheConstructor() {
        fields().that().areNotStatic()
                .and().areDeclaredInClassesThat(simpleNameMatching("Default.*|.*Calculator|NotificationRecorder"))
                .should().beFinal()
                .check(CORE);
    }

    @Test
    void onlyTheAssemblyKnowsTheInMemoryStore() {
        noClasses().that().resideOutsideOfPackage("..store.memory..")
                .and().doNotHaveFullyQualifiedName(Parley.class.getName())
                .and().doNotHaveFullyQualifiedName(Parley.Builder.class.getName())
                .should().dependOnClassesThat().resideInAPackage("..store.memory..")
                .check(CORE);
    }

    @Test
    void theStoreSpiKnowsNoService() {
        noClasses().that().resideInAPackage("dev.parley.chat.store")
                .should().dependOnClassesThat().haveSimpleNameStartingWith("Default")
                .check(CORE);
    }

    @Test
    void generalCodingRulesHold() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CORE);
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(CORE);
        GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(CORE);
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(CORE);
    }

    @Test
    void everyPackageIsNullMarked() throws Exception {
        Set<String> packages = new TreeSet<>();
        CORE.forEach(c -> packages.add(c.getPackageName()));
        assertThat(packages).contains("dev.parley.chat", "dev.parley.chat.store.memory");
        for (String p : packages) {
            Class<?> info = Class.forName(p + ".package-info");
            assertThat(info.getPackage().isAnnotationPresent(NullMarked.class)).as(p).isTrue();
        }
    }
}
