package org.duban.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses, before any session, security or handler code runs, a request that no page of
 * Duban can accept: a NUL character in its path or in any parameter name or value
 * (PostgreSQL cannot store it, and a query holding it fails with the SQL text in the
 * log), parameters whose percent-encoding or UTF-8 is broken, and a multipart body that
 * cannot be parsed. Each gets a 400 with a message saying what was wrong, as a page, or
 * as JSON under {@code /api/}.
 */
class BadInputFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BadInputFilter.class);

    private final MessageSource messages;

    private final LocaleResolver locales;

    private final ObjectProvider<ITemplateEngine> templates;

    BadInputFilter(MessageSource messages, LocaleResolver locales, ObjectProvider<ITemplateEngine> templates) {
        this.messages = messages;
        this.locales = locales;
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String reason = reasonToRefuse(request);
        if (reason == null) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Bad request refused before handling: {} {} ({})", request.getMethod(), request.getRequestURI(),
                reason);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            // The JSON API answers in the default language (see WebConfiguration).
            String text = messages.getMessage(reason, null, reason, Locale.SIMPLIFIED_CHINESE);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter()
                .write("{\"message\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"errors\":[]}");
            return;
        }
        // Rendered here, not by an error dispatch: Tomcat throws again on every later
        // parameter read of a request
        // whose parameters failed to parse, and the error dispatch reads them (CSRF,
        // locale, layout).
        Locale locale = locales.resolveLocale(request);
        Context page = new Context(locale);
        page.setVariable("lang", locale.toLanguageTag());
        page.setVariable("title", messages.getMessage("error.400.title", null, locale));
        page.setVariable("text", messages.getMessage("error.400.text", null, locale));
        page.setVariable("reason", messages.getMessage(reason, null, reason, locale));
        page.setVariable("home", messages.getMessage("error.home", null, locale));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/html;charset=UTF-8");
        // The security chain does not run for this answer: its headers are set here.
        response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        templates.getObject().process("error/refused", page, response.getWriter());
    }

    /**
     * The message key of the first problem found, or null for a request that may proceed.
     */
    static String reasonToRefuse(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.indexOf('\u0000') >= 0 || path.toLowerCase(Locale.ROOT).contains("%00")) {
            return "error.400.nul";
        }
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        Map<String, String[]> parameters;
        try {
            if (multipart && "POST".equalsIgnoreCase(request.getMethod())) {
                // Parses the body once (the container keeps the parts for the handler).
                request.getParts();
            }
            parameters = request.getParameterMap();
        }
        catch (RuntimeException | IOException | ServletException e) {
            // Tomcat signals a broken body or parameter encoding with its own exception
            // types; the size limits too.
            if (tooLarge(e)) {
                return "error.400.tooLarge";
            }
            return multipart ? "error.400.multipart" : "error.400.encoding";
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0) {
                return "error.400.nul";
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    return "error.400.nul";
                }
            }
        }
        return null;
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("SizeLimit")
                    || cause.getClass().getSimpleName().contains("SizeException")) {
                return true;
            }
        }
        return false;
    }

}
