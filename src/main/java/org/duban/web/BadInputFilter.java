package org.duban.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses, before any session, security or handler code runs, a request that no page of Duban can accept: a NUL
 * character in its path or in any parameter name or value (PostgreSQL cannot store it, and a query holding it fails
 * with the SQL text in the log), parameters whose percent-encoding or UTF-8 is broken, and a multipart body that
 * cannot be parsed. Each gets a 400 with a message saying what was wrong, as a page, or as JSON under {@code /api/}.
 */
class BadInputFilter extends OncePerRequestFilter {

    /** Request attribute naming the message key that explains the refusal on the 400 page. */
    static final String REASON = BadInputFilter.class.getName() + ".reason";
    private static final Logger log = LoggerFactory.getLogger(BadInputFilter.class);

    private final MessageSource messages;

    BadInputFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String reason = reasonToRefuse(request);
        if (reason == null) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Bad request refused before handling: {} {} ({})", request.getMethod(), request.getRequestURI(), reason);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            // The JSON API answers in the default language (see WebConfiguration).
            String text = messages.getMessage(reason, null, reason, Locale.SIMPLIFIED_CHINESE);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"message\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\",\"errors\":[]}");
            return;
        }
        // Tomcat throws again on every later parameter read of a request whose parameters failed to parse, and
        // the error dispatch reads them (CSRF, locale, layout), so the error page renders from a cleaned copy.
        request.setAttribute(REASON, reason);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpServletResponse.SC_BAD_REQUEST);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        request.getRequestDispatcher("/error").forward(new WithoutInput(request), response);
    }

    /** The message key of the first problem found, or null for a request that may proceed. */
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
        } catch (RuntimeException | IOException | ServletException e) {
            // Tomcat signals a broken body or parameter encoding with its own exception types; the size limits too.
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

    /** The refused request as a GET without parameters, body or parts, for rendering its error page. */
    static final class WithoutInput extends HttpServletRequestWrapper {

        WithoutInput(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("SizeLimit") || cause.getClass().getSimpleName().contains("SizeException")) {
                return true;
            }
        }
        return false;
    }
}
