package fr.aam.web.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The error page of the servlet container ({@code /error}): errors raised outside the controllers — a filter, a
 * request Tomcat rejects (bad URL encoding, bad UTF-8), Spring Security — answered as a problem document, or as a
 * page in the site's layout for a browser. Replaces Spring Boot's default, whose JSON differs from ours.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public String page(HttpServletRequest request, Model model) {
        ProblemDetail pd = problemOf(request);
        model.addAttribute("problem", pd);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, pd.getStatus());
        return "problem";
    }

    @RequestMapping
    @ResponseBody
    public ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        ProblemDetail pd = problemOf(request);
        return ResponseEntity.status(pd.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    private static ProblemDetail problemOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String detail = message instanceof String m && !m.isBlank() ? m : defaultDetail(status);
        return ProblemWriter.problem(status, detail, uri instanceof String u ? u : null, cause);
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "Requête mal formée (encodage de l'URL ou des paramètres) / malformed request (URL or parameter encoding)";
            case 401 -> "Authentification requise / authentication required";
            case 403 -> "Accès refusé / access denied";
            case 404 -> "Cette adresse n'existe pas / no such address";
            case 405 -> "Méthode non permise / method not allowed";
            case 413 -> "Requête trop grande / request too large";
            case 414 -> "URL trop longue / URL too long";
            default -> "Erreur / error " + status;
        };
    }
}
