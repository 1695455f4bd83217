package org.duban.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.thymeleaf.ITemplateEngine;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Chinese by default; {@code ?lang=en} switches to English and is remembered in a cookie.
 * Every page gets the layout's model ({@link LayoutInterceptor}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final List<NavItem> navigation;

    WebConfiguration(List<NavItem> navigation) {
        this.navigation = navigation;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("duban-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Bad input is refused first: after the character-encoding filter (which must run
     * before parameters are parsed), before the session and security filters.
     */
    @Bean
    FilterRegistrationBean<BadInputFilter> badInputFilter(MessageSource messages,
            ObjectProvider<ITemplateEngine> templates) {
        FilterRegistrationBean<BadInputFilter> registration = new FilterRegistrationBean<>(
                new BadInputFilter(messages, localeResolver(), templates));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        // The JSON API (hotline systems) answers in the default language and renders no
        // page.
        registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
        registry.addInterceptor(new LayoutInterceptor(navigation)).excludePathPatterns("/api/**");
    }

}
