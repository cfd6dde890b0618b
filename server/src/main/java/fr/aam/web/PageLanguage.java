package fr.aam.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of an HTML page: French unless the URL says {@code lang=en}. Taken from the URL only (not from
 * Accept-Language nor a cookie) so that a permalink shows the same page to everyone, French first.
 */
public final class PageLanguage implements LocaleResolver {

    public static final String PARAM = "lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return "en".equals(request.getParameter(PARAM)) ? Locale.ENGLISH : Locale.FRENCH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the page language is chosen by the URL parameter lang");
    }
}
