package fr.aam.admin;

import fr.aam.web.errors.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds off an address after repeated failed admin logins (429 for a minute after 10 failures): each attempt costs a
 * bcrypt check, so unbounded guessing would also be a way to load the server.
 */
public final class LoginThrottle extends OncePerRequestFilter {

    static final int MAX_FAILURES = 10;
    static final long WINDOW_MILLIS = 60_000;

    private record Failures(int count, long since) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final ProblemWriter problems;

    LoginThrottle(ProblemWriter problems) { this.problems = problems; }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader("Authorization") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        long now = System.currentTimeMillis();
        Failures f = failures.get(address);
        if (f != null && now - f.since() > WINDOW_MILLIS) { failures.remove(address); f = null; }
        if (f != null && f.count() >= MAX_FAILURES) {
            response.setHeader("Retry-After", Long.toString((WINDOW_MILLIS - (now - f.since())) / 1000 + 1));
            problems.write(request, response, 429, "Trop d'échecs d'authentification, réessayez plus tard / too many "
                + "failed logins, retry later");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == 401) {
            failures.merge(address, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, a.since()));
        } else if (response.getStatus() < 400) {
            failures.remove(address);
        }
        if (failures.size() > 10_000) failures.clear();   // bounded memory whatever the number of addresses
    }
}
