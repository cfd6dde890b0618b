package fr.aam.web;

import fr.aam.AamProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's layout (templates/fragments/layout.html) needs: the public base IRI, and the link to the same
 * page in the other language. Links are built from the request path only, never from the Host header.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
public class PageLayoutModel {

    private final String baseIri;

    public PageLayoutModel(AamProperties props) { this.baseIri = props.baseIri(); }

    @ModelAttribute("baseIri")
    public String baseIri() { return baseIri; }

    /** What links to other pages append to stay in the page's language: nothing in French (the default). */
    @ModelAttribute("langSuffix")
    public String langSuffix(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "?" + PageLanguage.PARAM + "=en" : "";
    }

    @ModelAttribute("otherLanguageUrl")
    public String otherLanguageUrl(HttpServletRequest request, Locale locale) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
            .replaceQueryParam(PageLanguage.PARAM, Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? null : "en")
            .build().toUriString();
    }

    /** Named {@code localeResolver}: the bean name Spring MVC's DispatcherServlet looks up. */
    @Bean(name = "localeResolver")
    public static LocaleResolver localeResolver() { return new PageLanguage(); }
}
