package org.duban.web;

import org.duban.security.CurrentUser;
import org.duban.security.DubanUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Comparator;
import java.util.List;

/** Puts the current user and the navigation they may see into every page's model. */
@ControllerAdvice
class LayoutAdvice {

    private final List<NavItem> navigation;

    LayoutAdvice(List<NavItem> navigation) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    @ModelAttribute("me")
    DubanUser me() {
        return CurrentUser.get().orElse(null);
    }

    @ModelAttribute("navigation")
    List<NavItem> navigation() {
        return CurrentUser.get()
                .map(user -> navigation.stream()
                        .filter(item -> item.permission() == null || user.can(item.permission()))
                        .toList())
                .orElse(List.of());
    }
}
