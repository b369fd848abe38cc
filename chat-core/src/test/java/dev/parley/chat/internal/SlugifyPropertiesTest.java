package dev.parley.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.parley.chat.knowledge.DefaultKnowledgeBase;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Slugs and search terms derived from arbitrary text always follow their rules. */
class SlugifyPropertiesTest {

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(120),
                Arbitraries.strings().withChars("aAzZ09 -_&éÖß.!\t").ofMaxLength(80),
                Arbitraries.strings().all().ofMaxLength(60));
    }

    @Property(tries = 1_000)
    void slugifyYieldsAValidSlugOrNothing(@ForAll("names") String name) {
        String slug = Checks.slugify(name);
        if (!slug.isEmpty()) {
            assertThatCode(() -> Checks.slug(slug, "slug")).doesNotThrowAnyException();
            assertThat(slug).hasSizeLessThanOrEqualTo(50).matches("[a-z0-9]+(-[a-z0-9]+)*");
        }
    }

    @Property(tries = 500)
    void slugifyIsIdempotent(@ForAll("names") String name) {
        String once = Checks.slugify(name);
        assertThat(Checks.slugify(once)).isEqualTo(once);
    }

    @Property(tries = 500)
    void aNameWithAnAsciiLetterOrDigitGivesASlug(@ForAll("names") String name) {
        if (name.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            assertThat(Checks.slugify(name)).isNotEmpty();
        }
    }

    @Property(tries = 500)
    void searchTermsAreFewLowerCaseAndMeaningful(@ForAll("names") String query) {
        List<String> terms = DefaultKnowledgeBase.terms(query);
        assertThat(terms).hasSizeLessThanOrEqualTo(10).doesNotHaveDuplicates().doesNotContain("", "how", "the", "my");
        assertThat(terms).allSatisfy(t -> assertThat(t).isEqualTo(t.toLowerCase(java.util.Locale.ROOT)));
    }
}
