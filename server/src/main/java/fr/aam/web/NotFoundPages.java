package fr.aam.web;

import fr.aam.web.conneg.ContentNegotiation;
import fr.aam.web.conneg.Format;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path the site does not have: the French 404 page for a browser (the same as for an unknown IRI), a problem
 * document for a program.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NotFoundPages {

    /** A program (JSON first) unless the client prefers HTML. */
    private static final List<Format> OFFER = List.of(Format.ROWS, Format.HTML);

    private final PageLayoutModel layout;

    public NotFoundPages(PageLayoutModel layout) { this.layout = layout; }

    @ExceptionHandler(NoResourceFoundException.class)
    public Object notFound(NoResourceFoundException e, HttpServletRequest request, Locale locale) {
        if (prefersHtml(request)) {
            ModelAndView page = new ModelAndView("not-found");
            page.setStatus(HttpStatus.NOT_FOUND);
            // exception handlers get no @ModelAttribute: the layout's attributes are added here
            page.addObject("baseIri", layout.baseIri());
            page.addObject("otherLanguageUrl", layout.otherLanguageUrl(request, locale));
            return page;
        }
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Nothing here: " + request.getRequestURI());
        pd.setTitle("Not Found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    private static boolean prefersHtml(HttpServletRequest request) {
        try {
            return request.getHeader("Accept") != null && ContentNegotiation.choose(request, OFFER) == Format.HTML;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
