package org.duban.web;

import jakarta.servlet.http.HttpServletResponse;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.NotFoundException;
import org.duban.shared.StaleEditException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps the shared exception types to error pages once, for every module. No page shows a
 * stack trace.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class,
            MethodArgumentTypeMismatchException.class })
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler(StaleEditException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String stale(StaleEditException e, Model model) {
        model.addAttribute("changedBy", e.changedBy());
        model.addAttribute("changedAt", e.changedAt()); // shown on the bureau's clock by
                                                        // the template
        return "error/409";
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String staleUnknown() {
        return "error/409";
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(BusinessRuleViolation e, Model model) {
        model.addAttribute("refusalKey", e.messageKey());
        model.addAttribute("refusalArgs", e.args());
        return "error/409";
    }

    @ExceptionHandler({ MissingServletRequestParameterException.class, IllegalArgumentException.class,
            ServletRequestBindingException.class, BindException.class, HttpMessageNotReadableException.class,
            ConversionFailedException.class })
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(Exception e, Model model) {
        log.info("Bad request refused: {}", e.getClass().getSimpleName());
        model.addAttribute("badRequestKey", "error.400.parameter");
        return "error/400";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String tooLarge(Model model) {
        model.addAttribute("badRequestKey", "error.400.tooLarge");
        return "error/400";
    }

    /**
     * A body that is not the multipart it claims to be (BadInputFilter catches most
     * before they get here).
     */
    @ExceptionHandler(MultipartException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String multipart(MultipartException e, Model model) {
        log.info("Bad multipart request refused: {}", e.getClass().getSimpleName());
        model.addAttribute("badRequestKey", "error.400.multipart");
        return "error/400";
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    @ResponseStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    String mediaType(Model model) {
        model.addAttribute("badRequestKey", "error.400.mediaType");
        return "error/400";
    }

    /**
     * A value PostgreSQL refuses (a NUL character that slipped past BadInputFilter,
     * broken Unicode): the client's fault, so a 400, and the SQL text stays out of the
     * answer.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refusedByDatabase(DataIntegrityViolationException e, Model model) {
        // Class 22 is PostgreSQL's "data exception"; anything else (a unique key taken
        // concurrently …) stays a 5xx.
        if (!(e.getMostSpecificCause() instanceof java.sql.SQLException sql) || sql.getSQLState() == null
                || !sql.getSQLState().startsWith("22")) {
            throw e;
        }
        log.warn("Value refused by the database: {}", e.getMostSpecificCause().getClass().getSimpleName());
        model.addAttribute("badRequestKey", "error.400.parameter");
        return "error/400";
    }

}

/** Target of Spring Security's access-denied forward and of Boot's error dispatch. */
@Controller
class ErrorController implements org.springframework.boot.webmvc.error.ErrorController {

    @RequestMapping("/error/403")
    String forbidden(HttpServletResponse response) {
        response.setStatus(403);
        return "error/403";
    }

    @RequestMapping("/error")
    String error(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE);
        // No status: /error was requested directly, not dispatched to; there is no such
        // page.
        int status = code instanceof Integer i ? i : 404;
        response.setStatus(status);
        return switch (status) {
            case 400, 403, 404, 409, 429 -> "error/" + status;
            default -> status >= 400 && status < 500 ? "error/400" : "error/500";
        };
    }

}
