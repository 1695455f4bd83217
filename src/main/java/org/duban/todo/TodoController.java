package org.duban.todo;

import org.duban.organization.DataScope;
import org.duban.organization.OrgUnits;
import org.duban.security.Access;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUser;
import org.duban.security.RouteRules;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.PageOf;
import org.duban.todo.TodoItem.Kind;
import org.duban.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.duban.security.RouteRule.get;
import static org.duban.security.RouteRule.post;

/** 我的待办 and 已办, the badge, the home-page panel, urges and the supervision slip. */
@Controller
class TodoController {

    static final String URGE = "todo:item:urge";

    /** Items on the home page's panel. */
    static final int PANEL_SIZE = 8;

    private final TodoList todo;

    private final Urges urges;

    private final OrgUnits units;

    private final SupervisionSlip slips;

    private final OverdueByUnit overdue;

    private final TodoRows rows;

    private final MessageSource messages;

    TodoController(TodoList todo, Urges urges, OrgUnits units, SupervisionSlip slips, OverdueByUnit overdue,
            TodoRows rows, MessageSource messages) {
        this.todo = todo;
        this.messages = messages;
        this.rows = rows;
        this.urges = urges;
        this.units = units;
        this.slips = slips;
        this.overdue = overdue;
    }

    /**
     * A page of what waits on me, the most urgent first ({@code ?page=2} the next), and
     * how many wait in all.
     */
    @GetMapping("/todo")
    String pending(@RequestParam(required = false) Integer page, Model model, Locale locale) {
        DubanUser me = CurrentUser.require();
        PageOf<TodoItem> shown = todo.page(me, units.currentScope(), PageOf.number(page), TodoList.PAGE_SIZE);
        model.addAttribute("page", shown);
        model.addAttribute("rows", rows.rows(shown.items()));
        model.addAttribute("escalated", messages.getMessage("todo.escalated", null, locale));
        model.addAttribute("supervise", messages.getMessage("todo.supervise", null, locale));
        model.addAttribute("tab", "pending");
        return "todo/list";
    }

    @GetMapping("/todo/done")
    String done(Model model) {
        DubanUser me = CurrentUser.require();
        model.addAttribute("done", todo.done(me, units.currentScope(), 200));
        model.addAttribute("tab", "done");
        return "todo/done";
    }

    /** The navigation badge (htmx fragment, refreshed every few seconds). */
    @GetMapping("/todo/badge")
    String badge(Model model) {
        DubanUser me = CurrentUser.require();
        DataScope scope = units.currentScope();
        model.addAttribute("count", todo.count(me, scope));
        return "todo/fragments :: badge";
    }

    /** The to-do panel at the top of the home page and the dashboard (htmx fragment). */
    @GetMapping("/todo/panel")
    String panel(Model model) {
        DubanUser me = CurrentUser.require();
        DataScope scope = units.currentScope();
        PageOf<TodoItem> first = todo.page(me, scope, 1, PANEL_SIZE);
        model.addAttribute("rows", rows.rows(first.items()));
        model.addAttribute("total", first.total());
        if (me.can(URGE)) {
            model.addAttribute("overdue", overdue.byUnit(me, scope));
        }
        return "todo/fragments :: panel";
    }

    @GetMapping("/todo/{kind}/{id}")
    String item(@PathVariable String kind, @PathVariable UUID id, Model model) {
        DubanUser me = CurrentUser.require();
        Kind k = kind(kind);
        model.addAttribute("item", urges.item(k, id, me, units.currentScope()));
        model.addAttribute("urges", urges.of(id));
        model.addAttribute("kind", kind);
        return "todo/item";
    }

    @PostMapping("/todo/{kind}/{id}/urge")
    String urge(@PathVariable String kind, @PathVariable UUID id, @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        try {
            urges.urge(kind(kind), id, text, CurrentUser.require(), units.currentScope());
            redirect.addFlashAttribute("flash", "todo.urge.sent");
        }
        catch (BusinessRuleViolation refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
            redirect.addFlashAttribute("refusalArgs", refusal.args());
            redirect.addFlashAttribute("text", text);
        }
        return "redirect:/todo/" + kind + "/" + id;
    }

    @GetMapping("/todo/{kind}/{id}/slip.docx")
    ResponseEntity<byte[]> slip(@PathVariable String kind, @PathVariable UUID id) {
        DubanUser me = CurrentUser.require();
        Urges.Item item = urges.item(kind(kind), id, me, units.currentScope());
        byte[] docx = slips.docx(item, urges.of(id), todo.today());
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                        .filename(slips.fileName(item), StandardCharsets.UTF_8)
                        .build()
                        .toString())
            .contentType(
                    MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
            .body(docx);
    }

    /**
     * Kinds in paths are lower-case words: problem, complaint, task. Anything else is
     * "not found".
     */
    static Kind kind(String path) {
        return switch (path.toLowerCase(Locale.ROOT)) {
            case "problem" -> Kind.PROBLEM;
            case "complaint" -> Kind.COMPLAINT;
            case "task" -> Kind.KEY_TASK;
            case "handdown", "hand_down" -> Kind.HAND_DOWN;
            default -> throw new org.duban.shared.NotFoundException("kind " + path);
        };
    }

    @Configuration(proxyBeanMethods = false)
    static class Routes {

        @Bean
        RouteRules todoRouteRules() {
            return () -> List.of(get("/todo", Access.SIGNED_IN), get("/todo/done", Access.SIGNED_IN),
                    get("/todo/badge", Access.SIGNED_IN), get("/todo/panel", Access.SIGNED_IN),
                    get("/todo/{kind}/{id}", Access.SIGNED_IN), get("/todo/{kind}/{id}/slip.docx", Access.SIGNED_IN),
                    post("/todo/{kind}/{id}/urge", Access.permission(URGE)));
        }

        @Bean
        NavItem todoNav() {
            return new NavItem("nav.todo", "/todo", null, 1, NavItem.WORKBENCH);
        }

    }

}
