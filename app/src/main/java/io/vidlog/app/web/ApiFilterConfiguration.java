package io.vidlog.app.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The servlet filters that guard {@code /api/**}, placed around Spring Security's filter chain. */
@Configuration(proxyBeanMethods = false)
class ApiFilterConfiguration {

    private static final String API = "/api/*";

    /** Before security: an oversized body is refused before any work is spent on it. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ApiProperties api,
            ProblemResponses problems) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(api.maxBodySize().toBytes(), problems));
        registration.addUrlPatterns(API);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /** After security, which has authenticated the caller whose bucket pays for the request. */
    @Bean
    @ConditionalOnProperty(name = "vidlog.rate-limit.enabled", matchIfMissing = true)
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties limits, ProblemResponses problems) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limits, problems));
        registration.addUrlPatterns(API);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
