package org.duban.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Forwarded here (status already 429) by the login rate limit. */
    @RequestMapping("/login/throttled")
    String throttled(Model model) {
        model.addAttribute("throttled", true);
        return "login";
    }

}
