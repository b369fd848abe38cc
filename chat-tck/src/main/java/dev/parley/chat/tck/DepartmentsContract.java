package dev.parley.chat.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ChatFilter;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.PageRequest;
import dev.parley.chat.PostedMessage;
import dev.parley.chat.StartChat;
import dev.parley.chat.department.DepartmentDraft;
import dev.parley.chat.department.DepartmentService;
import org.junit.jupiter.api.Test;

/**
 * Departments: seeds, slug rules, uniqueness, the protected default department, renaming (chats move along) and
 * deleting (refused while chats refer to the department).
 */
public abstract class DepartmentsContract extends ContractSuite {

    /** Binds the suite to the adapter's test. */
    protected DepartmentsContract(AbstractChatStoreContractTest contract) {
        super(contract);
    }

    private DepartmentService departments() {
        return parley().departments();
    }

    private static DepartmentDraft named(String name, String slug) {
        return new DepartmentDraft(name, slug, null, null, null, null);
    }

    @Test
    void anEmptyStoreIsSeededWithTheFourDepartments() {
        assertThat(departments().list()).extracting(ChatDepartment::slug, ChatDepartment::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("general", "General Support"),
                        org.assertj.core.groups.Tuple.tuple("sales", "Sales"),
                        org.assertj.core.groups.Tuple.tuple("technical", "Technical Support"),
                        org.assertj.core.groups.Tuple.tuple("finance", "Billing & Finance"));
        assertThat(departments().list()).allMatch(ChatDepartment::active);
    }

    @Test
    void aStoreWithDepartmentsIsNotSeededAgain() {
        ChatDepartment sales = departments().get("sales");
        departments().delete(sales.id());
        newParley(store(), settings()).close();
        assertThat(departments().list()).extracting(ChatDepartment::slug)
                .containsExactly("general", "technical", "finance");
    }

    @Test
    void aDepartmentIsCreatedWithEveryField() {
        ChatDepartment d = departments().create(new DepartmentDraft(" Returns ", "returns", " Send it back ",
                " returns@example.com ", true, 7));

        assertThat(d.id()).isPositive();
        assertThat(d).isEqualTo(new ChatDepartment(d.id(), "Returns", "returns", "Send it back",
                "returns@example.com", true, 7));
        assertThat(departments().get("returns")).isEqualTo(d);
        assertThat(store().departments().find(d.id())).contains(d);
        assertThat(store().departments().findByName("RETURNS")).contains(d);
    }

    @Test
    void theSlugIsDerivedFromTheNameWhenNotGiven() {
        assertThat(departments().create(named("Returns & Exchanges", null)).slug()).isEqualTo("returns-exchanges");
        assertThat(departments().create(named("Après-vente Öffnungszeiten", null)).slug())
                .isEqualTo("apres-vente-offnungszeiten");
    }

    @Test
    void badSlugsAreRefusedWithTheRule() {
        for (String bad : new String[] {"Sales!", "UPPER", "-lead", "trail-", "dou--ble", "with space",
                "x".repeat(51), "ünï"}) {
            assertFails(ErrorCode.VALIDATION, () -> departments().create(named("Dept " + bad.hashCode(), bad)),
                    "slug", "a-z");
        }
        assertFails(ErrorCode.VALIDATION, () -> departments().create(named("!!!", null)), "slug");
        assertThat(departments().list()).hasSize(4);
        assertThat(departments().create(named("Fifty", "a".repeat(50))).slug()).hasSize(50);
    }

    @Test
    void nameIsRequiredAndEmailChecked() {
        assertFails(ErrorCode.VALIDATION, () -> departments().create(named(" ", "blank")), "name", "required");
        assertFails(ErrorCode.VALIDATION,
                () -> departments().create(new DepartmentDraft("Mail", "mail", null, "nope", null, null)), "email");
        assertThat(departments().list()).hasSize(4);
    }

    @Test
    void slugsAndNamesAreUnique() {
        assertFails(ErrorCode.CONFLICT, () -> departments().create(named("Selling", "sales")), "sales");
        assertFails(ErrorCode.CONFLICT, () -> departments().create(named("sALES", "selling")), "Sales");
        ChatDepartment other = departments().create(named("Other", "other"));
        assertFails(ErrorCode.CONFLICT,
                () -> departments().update(other.id(), new DepartmentDraft(null, "finance", null, null, null, null)),
                "finance");
        assertFails(ErrorCode.CONFLICT,
                () -> departments().update(other.id(), new DepartmentDraft("Sales", null, null, null, null, null)),
                "Sales");
        assertThat(departments().list()).hasSize(5);
    }

    @Test
    void theStoreItselfRefusesADuplicateSlug() {
        Throwable thrown = catchThrowable(() -> store().transactions().run(() -> store().departments()
                .insert(new ChatDepartment(0, "Another Sales", "sales", null, null, true, 0))));
        assertThat(thrown).as("a unique slug is also enforced by the store").isNotNull();
        assertThat(departments().list()).extracting(ChatDepartment::slug).containsOnlyOnce("sales");
    }

    @Test
    void anUpdateChangesOnlyTheGivenFields() {
        ChatDepartment sales = departments().get("sales");
        ChatDepartment updated = departments().update(sales.id(),
                new DepartmentDraft(null, null, "Quotes", "sales@example.com", null, 42));

        assertThat(updated).isEqualTo(new ChatDepartment(sales.id(), "Sales", "sales", "Quotes",
                "sales@example.com", true, 42));
        assertThat(departments().get("sales")).isEqualTo(updated);
        assertFails(ErrorCode.NOT_FOUND, () -> departments().update(9_999, named("X", "x")), "9999");
    }

    @Test
    void renamingASlugMovesItsChats() {
        PostedMessage chat = start("Ada", "sales", "Quote please");
        ChatDepartment sales = departments().get("sales");

        departments().update(sales.id(), new DepartmentDraft("Sales & Quotes", "sales-quotes", null, null, null,
                null));

        assertThat(chat(chat.chat().id()).department()).isEqualTo("sales-quotes");
        assertThat(store().chats().countByDepartment("sales")).isZero();
        assertThat(parley().chats().listChats(new ChatFilter(null, "sales-quotes", null, null, null),
                PageRequest.first(5)).total()).isEqualTo(1);
        assertFails(ErrorCode.NOT_FOUND, () -> departments().get("sales"), "sales");
        assertThat(visitor(chat.sessionId(), "Still there?").chat().department()).isEqualTo("sales-quotes");
    }

    @Test
    void theDefaultDepartmentKeepsItsSlugAndStaysActive() {
        ChatDepartment general = departments().get("general");
        assertFails(ErrorCode.CONFLICT,
                () -> departments().update(general.id(), new DepartmentDraft(null, "support", null, null, null, null)),
                "general");
        assertFails(ErrorCode.CONFLICT,
                () -> departments().update(general.id(), new DepartmentDraft(null, null, null, null, false, null)),
                "general");
        assertFails(ErrorCode.CONFLICT, () -> departments().delete(general.id()), "general");
        assertThat(departments().get("general")).isEqualTo(general);
        assertThat(departments().update(general.id(), named("Help Desk", null)).name()).isEqualTo("Help Desk");
    }

    @Test
    void aDepartmentWithChatsCannotBeDeleted() {
        start("Ada", "technical", "It is broken");
        ChatDepartment technical = departments().get("technical");

        assertFails(ErrorCode.CONFLICT, () -> departments().delete(technical.id()), "technical", "1 chats",
                "deactivate");
        assertThat(departments().get("technical")).isEqualTo(technical);
    }

    @Test
    void anUnusedDepartmentIsDeleted() {
        ChatDepartment finance = departments().get("finance");
        departments().delete(finance.id());
        assertThat(departments().list()).extracting(ChatDepartment::slug).doesNotContain("finance");
        assertThat(store().departments().find(finance.id())).isEmpty();
        assertFails(ErrorCode.NOT_FOUND, () -> departments().delete(finance.id()), String.valueOf(finance.id()));
    }

    @Test
    void aDeactivatedDepartmentIsHiddenFromVisitorsButKeepsItsChats() {
        PostedMessage chat = start("Ada", "finance", "Invoice?");
        ChatDepartment finance = departments().get("finance");
        departments().update(finance.id(), new DepartmentDraft(null, null, null, null, false, null));

        assertThat(departments().listActive()).extracting(ChatDepartment::slug)
                .containsExactly("general", "sales", "technical");
        assertThat(departments().list()).hasSize(4);
        assertFails(ErrorCode.VALIDATION,
                () -> parley().chats().startChat(new StartChat("Bo", null, null, "finance", "Hi")), "inactive");
        assertThat(chat(chat.chat().id()).department()).isEqualTo("finance");
        assertThat(visitor(chat.sessionId(), "Hello?").chat().department()).isEqualTo("finance");
    }

    @Test
    void listsAreOrderedBySortOrderThenName() {
        departments().create(new DepartmentDraft("Zulu", "zulu", null, null, true, 1));
        departments().create(new DepartmentDraft("Alpha", "alpha", null, null, true, 1));
        assertThat(departments().list()).extracting(ChatDepartment::slug)
                .containsExactly("general", "alpha", "sales", "zulu", "technical", "finance");
    }
}
