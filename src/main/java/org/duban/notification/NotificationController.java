package org.duban.notification;

import org.duban.security.Access;
import org.duban.security.CurrentUser;
import org.duban.security.RouteRules;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.duban.shared.BureauClock;
import org.duban.shared.ListExport;
import org.duban.shared.PageOf;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

/** Each signed-in user's own inbox; nobody reads another's. */
@Controller
class NotificationController {

    static final String OUTBOX_READ = "notification:outbox:read";

    private final Notifications notifications;

    private final NotificationPreferences preferences;

    private final Outbox outbox;

    private final ListExport export;

    private final BureauClock clock;

    static final List<String> OUTBOX_HEADERS = List.of("outbox.col.created", "outbox.col.channel", "outbox.col.address",
            "outbox.col.template", "outbox.col.status", "outbox.col.attempts", "outbox.col.next", "outbox.col.error");

    NotificationController(Notifications notifications, NotificationPreferences preferences, Outbox outbox,
            ListExport export, BureauClock clock) {
        this.export = export;
        this.clock = clock;
        this.notifications = notifications;
        this.preferences = preferences;
        this.outbox = outbox;
    }

    @GetMapping("/notifications/preferences")
    String preferences(Model model) {
        model.addAttribute("pref", preferences.of(CurrentUser.require().staffId()));
        model.addAttribute("kinds", new java.util.TreeSet<>(NotificationPreferences.KINDS));
        model.addAttribute("smsAvailable", outbox.enabled(OutboxChannel.SMS));
        return "notification/preferences";
    }

    @PostMapping("/notifications/preferences")
    String savePreferences(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean email,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean sms,
            @org.springframework.web.bind.annotation.RequestParam(required = false) List<String> muted,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String quietFrom,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String quietTo,
            @org.springframework.web.bind.annotation.RequestParam long version,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            preferences.save(CurrentUser.require().staffId(),
                    new NotificationPreferences.Preference(email, sms,
                            muted == null ? java.util.Set.of() : java.util.Set.copyOf(muted), time(quietFrom),
                            time(quietTo), version),
                    version);
            redirect.addFlashAttribute("flash", "flash.saved");
        }
        catch (org.duban.shared.BusinessRuleViolation refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        }
        return "redirect:/notifications/preferences";
    }

    private static java.time.LocalTime time(String text) {
        try {
            return text == null || text.isBlank() ? null : java.time.LocalTime.parse(text);
        }
        catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @GetMapping("/admin/outbox")
    String outbox(@ModelAttribute("filter") Outbox.Filter filter,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer page, Model model) {
        PageOf<Outbox.Entry> found = outbox.search(filter, PageOf.number(page), PageOf.DEFAULT_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("entries", found.items());
        model.addAttribute("statuses", Outbox.STATUSES);
        model.addAttribute("channels", OutboxChannel.values());
        return "notification/outbox";
    }

    /**
     * The outbox of the page's filters as a spreadsheet: addresses masked as on the page,
     * times in the bureau's zone.
     */
    @GetMapping("/admin/outbox/export")
    ResponseEntity<byte[]> exportOutbox(@ModelAttribute("filter") Outbox.Filter filter, Locale locale) {
        List<List<Object>> rows = outbox.search(filter, 1, ListExport.LIMIT)
            .items()
            .stream()
            .map(e -> Arrays.<Object>asList(clock.seconds(e.createdAt()),
                    export.label("outbox.channel." + e.channel().name(), locale), e.address(),
                    export.labelOr(e.template(), locale, "outbox.template." + e.template(),
                            "notification.kind." + e.template()),
                    export.label("outbox.status." + e.status(), locale), e.attempts(),
                    "PENDING".equals(e.status()) ? clock.seconds(e.nextAttemptAt()) : "", e.lastError()))
            .toList();
        return export.xlsx("outbox.title", OUTBOX_HEADERS, rows, locale);
    }

    @GetMapping("/admin/outbox/{id}")
    String attempts(@PathVariable UUID id, Model model) {
        model.addAttribute("attempts", outbox.attempts(id));
        model.addAttribute("entry",
                outbox.entry(id).orElseThrow(() -> new org.duban.shared.NotFoundException("outbox " + id)));
        return "notification/attempts";
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
            return () -> List.of(get("/notifications", Access.SIGNED_IN),
                    get("/notifications/preferences", Access.SIGNED_IN),
                    post("/notifications/preferences", Access.SIGNED_IN),
                    get("/admin/outbox", Access.permission(OUTBOX_READ)),
                    get("/admin/outbox/export", Access.permission(OUTBOX_READ)),
                    get("/admin/outbox/{id}", Access.permission(OUTBOX_READ)),
                    post("/notifications/{id}/read", Access.SIGNED_IN));
        }

        @Bean
        NavItem notificationsNav() {
            return new NavItem("nav.notifications", "/notifications", null, 90, NavItem.WORKBENCH);
        }

        @Bean
        NavItem outboxNav() {
            return new NavItem("nav.outbox", "/admin/outbox", OUTBOX_READ, 95);
        }

    }

}
