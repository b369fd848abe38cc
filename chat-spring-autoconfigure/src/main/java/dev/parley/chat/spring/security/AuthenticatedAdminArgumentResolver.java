package dev.parley.chat.spring.security;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Supplies the {@link AuthenticatedAdmin} resolved by {@link AdminAuthInterceptor} to handler methods. */
public final class AuthenticatedAdminArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthenticatedAdmin.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
        Object admin = webRequest.getAttribute(AuthenticatedAdmin.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (admin == null) {
            throw new ParleyException(ErrorCode.UNAUTHENTICATED, "this endpoint needs an authenticated admin");
        }
        return admin;
    }
}
