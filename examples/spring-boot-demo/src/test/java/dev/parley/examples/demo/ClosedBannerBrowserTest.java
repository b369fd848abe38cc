package dev.parley.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.hours.BusinessHours;
import dev.parley.chat.hours.OpeningPeriod;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Outside business hours the widget says when the team is back, on the visitor's clock (the browser and this JVM
 * share the machine's zone, which is also the calendar's), in English, in German and in the host's own words, and
 * still takes the visitor's messages; a department that is open shows nothing.
 */
class ClosedBannerBrowserTest extends EmbeddedWidgetTestBase {

    private static final By BANNER = By.cssSelector(".parley-hours");

    @Autowired
    Parley parley;

    @AfterEach
    void alwaysOpenAgain() {
        parley.businessHours().clearHours("sales");
    }

    @Test
    void aClosedDepartmentSaysWhenItReopensAndStillTakesMessages() {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate reopening = LocalDate.now(zone).plusDays(2);
        parley.businessHours().setHours("sales", new BusinessHours(zone,
                List.of(new OpeningPeriod(reopening.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(10, 0))),
                Set.of()));
        String englishDay = reopening.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String germanDay = reopening.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.GERMAN);

        visitor = Browser.start(temp.resolve("visitor"));
        Widget widget = new Widget(visitor).openAt(SITE.origin() + "/");
        Browser in = widget.in();
        in.click(By.cssSelector(".parley-department[data-slug='general']"));
        in.click(By.cssSelector(".parley-department[data-slug='sales']"));
        in.waitForText(BANNER, "We're closed. We reopen " + englishDay + " at 09:00.");
        assertThat(Axe.seriousViolations(visitor)).as("start form with the closed banner").isEmpty();

        in.click(By.cssSelector(".parley-department[data-slug='general']"));
        in.waitUntilHidden(BANNER);

        widget.fillStart("sales", "Nora Night", "Do you deliver to Tromsø?").submitStart();
        in.waitForText(Widget.VISITOR_MESSAGES, "Tromsø");
        in.waitForText(BANNER, "We reopen " + englishDay + " at 09:00.");
        widget.send("I can wait until then.");
        visitor.screenshot("widget-closed");

        // the same visitor, with the widget in German: the chat comes back from the session, with the banner
        visitor.script("Parley.init({ lang: 'de' })");
        in.click(By.cssSelector(".parley-launcher"));
        in.waitForText(Widget.VISITOR_MESSAGES, "I can wait until then.");
        in.waitForText(BANNER, "Wir haben geschlossen. Wir sind am " + germanDay + " um 09:00 Uhr wieder da.");

        // a new visitor on a page whose owner words it differently
        visitor.script("localStorage.clear(); Parley.init({ texts: { closed: 'Back {day}, {time} sharp.' } })");
        in.click(By.cssSelector(".parley-launcher"));
        in.click(By.cssSelector(".parley-department[data-slug='sales']"));
        in.waitForText(BANNER, "Back " + englishDay + ", 09:00 sharp.");
    }
}
