package dev.parley.chat.spring.security;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import dev.parley.chat.admin.AdminDirectory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards handlers marked {@link AdminOnly}: authenticates the caller, checks the directory, and stores the
 * {@link AuthenticatedAdmin} as a request attribute. Failures become 401 or 403 in the JSON envelope.
 */
public final class AdminAuthInterceptor implements HandlerInterceptor {

    private final AdminAuthenticator authenticator;
    private final AdminDirectory admins;

    /** Creates the interceptor. */
    public AdminAuthInterceptor(AdminAuthenticator authenticator, AdminDirectory admins) {
        this.authenticator = authenticator;
        this.admins = admins;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() == DispatcherType.ASYNC) {
            return true; // an async dispatch (end of an event stream) was authenticated when it began
        }
        AdminOnly rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), AdminOnly.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), AdminOnly.class);
        }
        if (rule == null) {
            return true;
        }
        String id = authenticator.authenticate(request, rule.allowQueryToken());
        AuthenticatedAdmin admin = admins.find(id).map(AuthenticatedAdmin::new)
                .orElseThrow(() -> new ParleyException(ErrorCode.FORBIDDEN,
                        "'" + id + "' is not an admin of this application"));
        request.setAttribute(AuthenticatedAdmin.ATTRIBUTE, admin);
        return true;
    }
}
