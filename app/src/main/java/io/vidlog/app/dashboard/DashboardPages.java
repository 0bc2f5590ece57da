package io.vidlog.app.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operators' dashboard: static pages whose scripts read the admin API (api.md, "Operations"), so everything
 * it shows is also scriptable. One page for all views (the script picks the view from the path), the sign-in page,
 * and the scripts and styles ({@link DashboardAssets}); nothing is loaded from elsewhere. Who may see them is
 * decided by DashboardSecurityConfiguration.
 */
@Hidden
@Controller
class DashboardPages {

    private static final Resource VIEWS = new ClassPathResource("dashboard/dashboard.html");
    private static final Resource SIGN_IN = new ClassPathResource("dashboard/sign-in.html");

    @GetMapping({"/dashboard", "/dashboard/sagas", "/dashboard/sagas/{videoId}", "/dashboard/projections",
            "/dashboard/events"})
    ResponseEntity<Resource> views() {
        return html(VIEWS);
    }

    @GetMapping("/dashboard/sign-in")
    ResponseEntity<Resource> signIn() {
        return html(SIGN_IN);
    }

    private static ResponseEntity<Resource> html(Resource page) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore()).body(page);
    }
}
