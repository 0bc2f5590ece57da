package io.vidlog.app.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The dashboard's scripts and styles, from the application jar; checked again on each use, as they change with it. */
@Configuration(proxyBeanMethods = false)
class DashboardAssets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/dashboard/assets/**").addResourceLocations("classpath:/dashboard/assets/")
                .setCacheControl(CacheControl.noCache());
    }
}
