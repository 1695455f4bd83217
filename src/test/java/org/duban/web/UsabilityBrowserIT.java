package org.duban.web;

import com.microsoft.playwright.Dialog;
import org.duban.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day's first minutes in Chromium (zh-CN): the grouped menu, breadcrumbs, field
 * messages, confirmations, phone.
 */
class UsabilityBrowserIT extends BrowserTest {

    @Test
    void theMenuIsGroupedMarksThePageAndLeadsBackByBreadcrumbs() {
        List<String> errors = watchForErrors();
        signIn("admin");
        page.navigate(url("/admin/staff"));
        assertThat(page.textContent("#sideNav")).contains("工作台", "专项整治", "台账", "检查与抽查", "系统管理");
        assertThat(page.textContent("#sideNav .nav-link.active")).isEqualTo("人员");
        assertThat(page.getAttribute("#sideNav .nav-link.active", "aria-current")).isEqualTo("page");
        assertThat(page.textContent("#breadcrumb")).contains("首页", "系统管理", "人员");
        screenshot("usability-menu");

        // A page that does not exist keeps the menu and the way home.
        page.navigate(url("/problems/00000000-0000-0000-0000-000000000000"));
        assertThat(page.isVisible("#sideNav")).isTrue();
        assertThat(page.textContent("main")).contains("页面不存在");
        assertThat(page.textContent("#breadcrumb")).contains("台账", "问题线索台账");
        errors.removeIf(e -> e.startsWith("404 "));
        assertThat(errors).isEmpty();
    }

    @Test
    void anEmptyFormIsAnsweredUnderItsFields() {
        List<String> errors = watchForErrors();
        signIn("workteam");
        page.navigate(url("/problems/new"));
        // Category and item narrow each other.
        page.selectOption("#category", "ROUGH");
        assertThat(
                (Boolean) page.evalOnSelector("#itemCode",
                        "s => Array.from(s.options)"
                                + ".filter(o => o.value && !o.disabled).every(o => o.dataset.category === 'ROUGH')"))
            .isTrue();
        page.fill("#officers", "张三");
        page.fill("#foundOn", "");
        page.click("#register-form button[type=submit]");
        page.waitForSelector("#description.is-invalid");
        assertThat(page.textContent("#description ~ .invalid-feedback")).contains("请填写");
        assertThat(page.textContent("#foundOn ~ .invalid-feedback")).contains("请填写");
        assertThat(page.inputValue("#officers")).as("the rest of the form is kept").isEqualTo("张三");
        assertThat(page.textContent("main")).doesNotContain("null", "不能为", "个数必须");
        screenshot("usability-form-errors");
        assertThat(errors).isEmpty();
    }

    @Test
    void anIrreversibleStepAsksFirst() {
        signIn("admin");
        page.navigate(url("/"));
        page.evaluate("() => { const f = document.createElement('form'); f.method = 'get'; f.action = '/admin/units';"
                + " f.setAttribute('data-confirm', '确定吗？'); f.id = 'probe';"
                + " const b = document.createElement('button'); b.type = 'submit'; b.id = 'probe-go'; f.appendChild(b);"
                + " document.querySelector('main').appendChild(f); }");
        page.offDialog(acceptDialogs);
        List<String> asked = new ArrayList<>();
        Consumer<Dialog> refuse = dialog -> {
            asked.add(dialog.message());
            dialog.dismiss();
        };
        page.onDialog(refuse);
        page.click("#probe-go");
        page.waitForTimeout(500);
        assertThat(asked).containsExactly("确定吗？");
        assertThat(page.url()).as("a refused question sends nothing").doesNotContain("/admin/units");
        page.offDialog(refuse);
        page.onDialog(acceptDialogs);
        page.click("#probe-go");
        page.waitForURL(u -> u.contains("/admin/units"));
    }

    @Test
    void onAPhoneTheMenuFoldsUnderItsButton() {
        page.setViewportSize(390, 844);
        signIn("workteam");
        page.navigate(url("/problems"));
        assertThat(page.isVisible("#sideNav")).isFalse();
        page.click("[data-duban-toggle=sideNav]");
        assertThat(page.isVisible("#sideNav")).isTrue();
        screenshot("usability-phone-menu");
    }

    @Test
    void onAPhoneListRowsAreCardsWhoseCellsNameTheirColumn() {
        page.setViewportSize(390, 844);
        signIn("workteam");
        page.navigate(url("/complaints"));
        var cell = page.locator("#inbox tbody tr").first().locator("td").nth(1);
        assertThat(cell.getAttribute("data-label")).isEqualTo("提交时间");
        assertThat(cell.evaluate("c => getComputedStyle(c).display")).isEqualTo("block");
        assertThat(page.isVisible("#inbox thead")).as("the head is folded into the cells").isFalse();
        screenshot("usability-phone-list-cards");
    }

}
