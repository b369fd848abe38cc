package dev.parley.examples.demo.mail;

import dev.parley.examples.demo.ApiResponse;
import dev.parley.examples.demo.auth.DemoAuth;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The emails the embedded SMTP server captured, for the dashboard's Emails page; admins only. */
@RestController
public class CapturedEmailsController {

    private final @Nullable MailCapture capture;
    private final DemoAuth auth;

    /** Creates the controller; without the embedded SMTP server the list is empty. */
    public CapturedEmailsController(ObjectProvider<MailCapture> capture, DemoAuth auth) {
        this.capture = capture.getIfAvailable();
        this.auth = auth;
    }

    /** Every captured email, newest first. */
    @GetMapping("/demo/api/emails")
    public ResponseEntity<ApiResponse> list(HttpServletRequest request) {
        if (auth.admin(request).isEmpty()) {
            return ApiResponse.unauthenticated();
        }
        return ApiResponse.ok(new Emails(capture != null, capture == null ? List.of() : capture.emails()));
    }

    /** Forgets every captured email. */
    @DeleteMapping("/demo/api/emails")
    public ResponseEntity<ApiResponse> clear(HttpServletRequest request) {
        if (auth.admin(request).isEmpty()) {
            return ApiResponse.unauthenticated();
        }
        if (capture != null) {
            capture.clear();
        }
        return ApiResponse.ok(Map.of("cleared", true));
    }

    /**
     * The captured emails.
     *
     * @param capturing whether the embedded SMTP server runs (false when real SMTP is configured)
     * @param emails    the emails, newest first
     */
    public record Emails(boolean capturing, List<CapturedEmail> emails) {}
}
