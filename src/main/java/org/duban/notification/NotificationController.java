package org.duban.notification;

import org.duban.security.Access;
import org.duban.security.CurrentUser;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.List;
import java.util.UUID;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

/** Each signed-in user's own inbox; nobody reads another's. */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String inbox(Model model) {
        UUID me = CurrentUser.require().staffId();
        model.addAttribute("notifications", notifications.inbox(me, 200));
        model.addAttribute("unread", notifications.unreadCount(me));
        return "notification/inbox";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable UUID id) {
        notifications.markRead(id, CurrentUser.require().staffId());
        return "redirect:/notifications";
    }

    @Configuration(proxyBeanMethods = false)
    static class Routes {
        @Bean
        RouteRules notificationRouteRules() {
            return () -> List.of(
                    get("/notifications", Access.SIGNED_IN),
                    post("/notifications/{id}/read", Access.SIGNED_IN));
        }

        @Bean
        NavItem notificationsNav() {
            return new NavItem("nav.notifications", "/notifications", null, 90, NavItem.WORKBENCH);
        }
    }
}
