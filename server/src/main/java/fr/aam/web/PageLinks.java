package fr.aam.web;

import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #links} in templates: {@code ${#links.href(path)}} keeps the page's language on a link of this site
 * ({@code ?lang=en} on English pages, nothing on French ones) and leaves an address elsewhere unchanged. A Thymeleaf
 * expression object (allowed where bean references are not, e.g. in {@code th:href}).
 */
@Component
public class PageLinks extends AbstractDialect implements IExpressionObjectDialect {

    static final String NAME = "links";

    public PageLinks() { super("page-links"); }

    /** The links of one page, in its language. */
    public record Links(Locale locale) {

        public String href(String href) {
            if (href == null) return null;
            if (isExternal(href) || !Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) return href;
            return UriComponentsBuilder.fromUriString(href).replaceQueryParam(PageLanguage.PARAM, "en").build().toUriString();
        }

        public boolean isExternal(String href) { return href != null && !href.startsWith("/"); }
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override public Set<String> getAllExpressionObjectNames() { return Set.of(NAME); }
            @Override public Object buildObject(IExpressionContext context, String name) { return new Links(context.getLocale()); }
            @Override public boolean isCacheable(String name) { return true; }
        };
    }
}
