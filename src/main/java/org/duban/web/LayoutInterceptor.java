package org.duban.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUser;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import java.util.Comparator;
import java.util.List;

/**
 * Puts the current user ({@code me}) and the navigation they may see ({@code navigation})
 * into the model of every page a controller renders. An interceptor rather than a
 * {@code @ControllerAdvice} with {@code @ModelAttribute} methods: those ran before every
 * handler, the JSON API included, where building the model cost about 5 % of a complaint
 * submission's CPU (docs/complaint.md); here only a view about to be rendered gets the
 * attributes.
 */
class LayoutInterceptor implements HandlerInterceptor {

    private final List<NavItem> navigation;

    LayoutInterceptor(List<NavItem> navigation) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || !page.hasView()
                || page.getViewName() != null && page.getViewName().startsWith("redirect:")) {
            return;
        }
        DubanUser me = CurrentUser.get().orElse(null);
        page.getModel().putIfAbsent("me", me);
        page.getModel()
            .putIfAbsent("navigation",
                    me == null ? List.of()
                            : navigation.stream()
                                .filter(item -> item.permission() == null || me.can(item.permission()))
                                .toList());
    }

}
