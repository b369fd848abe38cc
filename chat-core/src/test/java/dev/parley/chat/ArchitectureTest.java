package dev.parley.chat;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noConstructors;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.parley.Parley;
import dev.parley.chat.store.ChatRecords;
import dev.parley.chat.store.MessageRecords;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/** The boundaries of ARCHITECTURE.md and STYLE.md that the core must keep. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.parley");

    /** Public classes that do work rather than carry values; every other public class must be a record. */
    private static final String SERVICE_NAMES =
            "Default.*|.*Calculator|.*Storage|.*Notifier|.*Recorder|.*Codec|Outbox|Parley|EventBus|SessionIds|SearchWords"
            + "|UnattachedUploads";

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
        noClasses().that().resideInAPackage("dev.parley..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "javax.persistence..", "org.hibernate..",
                        "jakarta.mail..", "javax.mail..", "org.eclipse.angus..", "com.sun.mail..", "com.cloudinary..",
                        "jakarta.servlet..", "javax.servlet..", "jakarta.inject..", "javax.inject..",
                        "jakarta.transaction..", "javax.sql..", "java.sql..")
                .check(CORE);
    }

    @Test
    void theCoreDependsOnlyOnTheJdkSlf4jJacksonAndJSpecify() {
        classes().that().resideInAPackage("dev.parley..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "dev.parley..",
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
                dev.parley.chat.ChatDepartment.class, dev.parley.chat.AdminPresence.class,
                dev.parley.chat.ChatAnalytics.class, dev.parley.chat.KnowledgeBaseArticle.class,
                dev.parley.chat.analytics.AnalyticsReport.class, dev.parley.chat.admin.Admin.class,
                dev.parley.chat.OutboxItem.class}) {
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
    void theFeaturePackagesFormNoCycle() {
        slices().matching("dev.parley.chat.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theValuesAtTheBottomDependOnNothingAboveThem() {
        noClasses().that().resideInAPackage("dev.parley.chat")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parley", "dev.parley.chat.(*)..")
                .because("the package dev.parley.chat holds the values and ports every other package builds on")
                .check(CORE);
    }

    @Test
    void onlyTheAssemblyIsAboveEverything() {
        noClasses().that().resideInAPackage("dev.parley.chat..")
                .should().dependOnClassesThat().resideInAPackage("dev.parley")
                .because("Parley assembles the core and nothing in it depends on the assembly")
                .check(CORE);
    }

    @Test
    void theStoreSpiDependsOnlyOnTheValues() {
        classes().that().resideInAPackage("dev.parley.chat.store")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jspecify..", "dev.parley.chat",
                        "dev.parley.chat.hours", "dev.parley.chat.store")
                .check(CORE);
    }

    @Test
    void publicConstructorsTakeNoInternalType() {
        noConstructors().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .should().haveRawParameterTypes(DescribedPredicate.anyElementThat(
                        JavaClass.Predicates.resideInAPackage("..internal..")))
                .check(CORE);
    }

    @Test
    void presenceWritesNoChatAndNoMessage() {
        noClasses().that().resideInAPackage("dev.parley.chat.presence..")
                .should().callMethod(ChatRecords.class, "insert", Chat.class)
                .orShould().callMethod(ChatRecords.class, "update", Chat.class)
                .orShould().callMethod(ChatRecords.class, "lock", long.class)
                .orShould().callMethod(MessageRecords.class, "insert", ChatMessage.class)
                .because("the chat rules (AgentAvailability) tell waiting chats that an agent is available")
                .check(CORE);
    }

    @Test
    void onlyChatRecordsOrClearsAResolution() {
        noClasses().that().resideInAPackage("dev.parley..").and().doNotBelongToAnyOf(Chat.class)
                .and().resideOutsideOfPackage("..store..")
                .should().callMethod(Chat.Builder.class, "resolvedAt", Instant.class)
                .orShould().callMethod(Chat.Builder.class, "resolutionTime", Long.class)
                .because("a status move, resolution included, is Chat's (ChatStatus.causes)")
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
        assertThat(packages).contains("dev.parley", "dev.parley.chat", "dev.parley.chat.store.memory");
        for (String p : packages) {
            Class<?> info = Class.forName(p + ".package-info");
            assertThat(info.getPackage().isAnnotationPresent(NullMarked.class)).as(p).isTrue();
        }
    }
}
