package org.duban.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The side menu and the breadcrumb trail, read by the layout as {@code @menu}. A bean
 * rather than model attributes, so that pages rendered without a controller's model
 * (error pages from an exception handler or Boot's error dispatch) keep the menu. The
 * current item is the visible entry whose path is the longest prefix of the request's
 * path (docs/adr/0402-grouped-side-menu.md).
 */
@Component("menu")
public class Menu {

    /** A group of the menu with the entries this user may open. */
    public record Group(String key, List<Entry> entries, boolean active) {
    }

    public record Entry(String labelKey, String path, boolean active) {
    }

    /**
     * Where the page stands: its group and, when the page lies below it, the menu entry
     * to go back to.
     */
    public record Trail(String group, Entry entry) {
    }

    private final List<NavItem> items;

    Menu(List<NavItem> items) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    /** The signed-in user, also on pages whose model has none (error pages). */
    public DubanUser user() {
        return CurrentUser.get().orElse(null);
    }

    public List<Group> groups(DubanUser me) {
        if (me == null) {
            return List.of();
        }
        List<NavItem> visible = visible(me);
        NavItem current = current(visible).orElse(null);
        return NavItem.GROUPS.stream()
            .map(g -> new Group(g,
                    visible.stream()
                        .filter(i -> i.group().equals(g))
                        .map(i -> new Entry(i.labelKey(), i.path(), i == current))
                        .toList(),
                    current != null && current.group().equals(g)))
            .filter(g -> !g.entries().isEmpty())
            .toList();
    }

    /**
     * The breadcrumb trail of the current page, or null on the home page and pages no
     * menu entry leads to.
     */
    public Trail trail(DubanUser me) {
        if (me == null) {
            return null;
        }
        return current(visible(me)).map(i -> new Trail(i.group(), new Entry(i.labelKey(), i.path(), true)))
            .orElse(null);
    }

    private List<NavItem> visible(DubanUser me) {
        return items.stream().filter(i -> i.permission() == null || me.can(i.permission())).toList();
    }

    private static Optional<NavItem> current(List<NavItem> visible) {
        String path = path();
        Optional<NavItem> below = visible.stream()
            .filter(i -> path.equals(i.path()) || path.startsWith(i.path() + "/"))
            .max(Comparator.comparingInt(i -> i.path().length()));
        // A page of the same section without an entry of its own (/screening/imports
        // under /screening/findings).
        return below.isPresent() ? below
                : visible.stream()
                    .filter(i -> !section(path).isEmpty() && section(i.path()).equals(section(path)))
                    .findFirst();
    }

    /**
     * "/screening" of "/screening/findings/…"; "/admin/units" of "/admin/units/…" (admin
     * pages are sections each).
     */
    private static String section(String path) {
        String[] parts = path.split("/");
        if (parts.length < 2) {
            return "";
        }
        return parts[1].equals("admin") && parts.length > 2 ? "/admin/" + parts[2] : "/" + parts[1];
    }

    /**
     * The path the user asked for: after a forward to an error page, the original one.
     */
    private static String path() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "";
        }
        HttpServletRequest request = attributes.getRequest();
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

}
