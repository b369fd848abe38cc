package dev.parley.chat.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheResolver;
import dev.parley.chat.notification.AgentAvailableNotification;
import dev.parley.chat.notification.NewChatNotification;
import dev.parley.chat.notification.Notification;
import dev.parley.chat.notification.OfflineMessagesNotification;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Renders notifications into emails from Mustache templates: {@code <name>.subject.mustache},
 * {@code <name>.html.mustache} and {@code <name>.txt.mustache} for each of {@code new-chat},
 * {@code offline-messages} and {@code agent-available}, plus the partials {@code header.html.mustache},
 * {@code footer.html.mustache} and {@code footer.txt.mustache} (included as {@code {{> header.html.mustache}}}). The host's {@link TemplateLoader} is asked first for each file, the built-in templates
 * (in {@value #BUILT_IN}) answer the rest. In HTML templates {@code {{value}}} is HTML-escaped; never use the
 * unescaped {@code {{{value}}}} for anything a visitor typed.
 */
public final class MailTemplates {

    /** Where the built-in templates are on the class path. */
    public static final String BUILT_IN = "dev/parley/chat/mail/templates";

    /** The template names, one per kind of notification. */
    public static final List<String> NAMES = List.of("new-chat", "offline-messages", "agent-available");

    private static final int MAX_SUBJECT = 200;

    private final MailSettings settings;
    private final DefaultMustacheFactory html;
    private final DefaultMustacheFactory text;

    /**
     * Loads and compiles every template now, so that a broken override fails at start-up rather than at the first
     * email.
     *
     * @throws IllegalStateException naming the template that cannot be read or compiled
     */
    public MailTemplates(MailSettings settings, TemplateLoader overrides) {
        this.settings = settings;
        TemplateLoader builtIn = TemplateLoader.classpath(BUILT_IN, MailTemplates.class.getClassLoader());
        MustacheResolver resolver = name -> {
            try {
                Reader own = overrides.open(name);
                return own != null ? own : builtIn.open(name);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read mail template " + name, e);
            }
        };
        this.html = new DefaultMustacheFactory(resolver) {
            @Override
            public void encode(String value, Writer writer) {
                Html.escape(value, writer);
            }
        };
        this.text = new DefaultMustacheFactory(resolver) {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        for (String name : NAMES) {
            compile(text, name + ".subject.mustache");
            compile(html, name + ".html.mustache");
            compile(text, name + ".txt.mustache");
        }
    }

    /** Renders the notification's subject, HTML and text. */
    public RenderedEmail render(Notification notification) {
        String name = nameOf(notification);
        Map<String, Object> model = EmailModel.of(notification, settings);
        String subject = MailChecks.oneLine(run(text, name + ".subject.mustache", model), MAX_SUBJECT);
        return new RenderedEmail(subject, run(html, name + ".html.mustache", model),
                run(text, name + ".txt.mustache", model));
    }

    /** The template name of a notification. */
    static String nameOf(Notification notification) {
        if (notification instanceof NewChatNotification) {
            return "new-chat";
        }
        if (notification instanceof OfflineMessagesNotification) {
            return "offline-messages";
        }
        if (notification instanceof AgentAvailableNotification) {
            return "agent-available";
        }
        throw new IllegalArgumentException("no template for " + notification.getClass().getName());
    }

    private static Mustache compile(DefaultMustacheFactory factory, String file) {
        try {
            return factory.compile(file);
        } catch (MustacheException | UncheckedIOException e) {
            throw new IllegalStateException("mail template " + file + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static String run(DefaultMustacheFactory factory, String file, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        compile(factory, file).execute(out, model);
        return out.toString();
    }
}
