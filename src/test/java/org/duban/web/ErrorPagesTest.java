package org.duban.web;

import jakarta.servlet.RequestDispatcher;
import org.duban.support.DubanTest;
import org.duban.support.WithUnitStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DubanTest
class ErrorPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    @WithUnitStaff
    void anUnknownIdGetsAChinese404PageWithoutDetails() throws Exception {
        mvc.perform(get("/campaigns/" + UUID.randomUUID()))
            .andExpect(status().isNotFound())
            .andExpect(content().string(containsString("页面不存在")))
            .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    @WithUnitStaff
    void aMalformedIdIsA404NotA500() throws Exception {
        mvc.perform(get("/campaigns/not-a-uuid")).andExpect(status().isNotFound());
    }

    @Test
    void theServerErrorPageShowsNoStackTrace() throws Exception {
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
            .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail")))
            .andExpect(status().isInternalServerError())
            .andExpect(content().string(containsString("系统错误")))
            .andExpect(content().string(not(containsString("secret detail"))))
            .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    @WithUnitStaff
    void aForbiddenActionGetsThe403Page() throws Exception {
        mvc.perform(get("/campaigns/new"))
            .andExpect(status().isForbidden())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl("/error/403"));
        mvc.perform(get("/error/403"))
            .andExpect(status().isForbidden())
            .andExpect(content().string(containsString("无权访问")));
    }

}
