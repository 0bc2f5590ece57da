package io.vidlog.app.security;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Signs a browser in to the dashboard with a bearer token and out again. The token is checked by the same decoder
 * as every API call, then kept in the {@link DashboardCookie}; nothing is stored on the server. Any valid token
 * signs in: what it may see is decided per request, so a token without ADMIN gets the dashboard's 403 page.
 */
@Hidden
@RestController
@RequestMapping("/dashboard")
class DashboardSignInController {

    record SignInRequest(@NotBlank @Size(max = 16_384) String token) {
    }

    /**
     * Who the browser is signed in as.
     *
     * @param devTokens whether {@code POST /api/v1/dev/tokens} exists here (profile {@code local}), so that the
     *                  sign-in page can offer a development ADMIN token
     */
    record Session(boolean signedIn, String userId, List<String> roles, Instant expiresAt, boolean admin,
                   boolean devTokens) {
    }

    private final JwtDecoder decoder;
    private final JwtAuthenticationConverter tokenToUser;
    private final boolean devTokens;

    DashboardSignInController(JwtDecoder decoder, JwtAuthenticationConverter tokenToUser,
                              ObjectProvider<DevTokenController> devTokens) {
        this.decoder = decoder;
        this.tokenToUser = tokenToUser;
        this.devTokens = devTokens.getIfAvailable() != null;
    }

    /** The header is required so that no other site's form can sign a browser in (see DashboardCookie.HEADER). */
    @PostMapping("/sign-in")
    ResponseEntity<Session> signIn(@RequestHeader(DashboardCookie.HEADER) String fromTheDashboard,
                                   @Valid @RequestBody SignInRequest request, HttpServletRequest http) {
        String token = request.token().strip();
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException rejected) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    ProblemAuthenticationEntryPoint.tokenProblem(rejected));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, DashboardCookie.holding(token, jwt.getExpiresAt(), http.isSecure())
                        .toString())
                .body(session(jwt));
    }

    @PostMapping("/sign-out")
    ResponseEntity<Void> signOut(@RequestHeader(DashboardCookie.HEADER) String fromTheDashboard,
                                 HttpServletRequest http) {
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, DashboardCookie.cleared(http.isSecure()).toString()).build();
    }

    /** Public, so the sign-in and 403 pages can say who is signed in; an expired or forged cookie is nobody. */
    @GetMapping("/session")
    Session session(HttpServletRequest http) {
        return DashboardCookie.read(http).flatMap(this::decoded).map(this::session)
                .orElse(new Session(false, null, List.of(), null, false, devTokens));
    }

    private Optional<Jwt> decoded(String token) {
        try {
            return Optional.of(decoder.decode(token));
        } catch (JwtException rejected) {
            return Optional.empty();
        }
    }

    private Session session(Jwt jwt) {
        Authentication user = tokenToUser.convert(jwt);
        List<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(Role.AUTHORITY_PREFIX))
                .map(authority -> authority.substring(Role.AUTHORITY_PREFIX.length())).sorted().toList();
        return new Session(true, user.getName(), roles, jwt.getExpiresAt(), roles.contains(Role.ADMIN.name()),
                devTokens);
    }
}
