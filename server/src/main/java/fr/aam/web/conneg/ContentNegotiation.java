package fr.aam.web.conneg;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one content negotiation of the server — resource pages, class indexes, /def, the dataset description, the
 * canned-query API and /sparql's page for browsers — built on Fuseki's ({@link ConNeg}, which weighs the client's
 * Accept header against the offer, q-values and specificity included).
 *
 * <p>Precedence: {@code ?format=} (a token, extension or media type), then a file extension on the path
 * ({@code /id/initiative/actiduo.ttl}), then the Accept header; no Accept header gets the first format offered. An
 * Accept header that none of the offered formats satisfies is answered 406 with the list of available types. Every
 * negotiated answer carries {@code Vary: Accept}.
 */
public final class ContentNegotiation {

    public static final String FORMAT_PARAM = "format";

    private ContentNegotiation() {}

    /** The path and the format its extension names, when it ends with an extension of an offered format. */
    public record PathFormat(String path, Format format) {}

    /** Chooses among {@code offered} (in the server's order of preference) for this request. */
    public static Format choose(HttpServletRequest request, List<Format> offered) {
        varyByAccept();
        String param = request.getParameter(FORMAT_PARAM);
        if (param != null && !param.isBlank()) {
            // a token first (format=json is SPARQL JSON even where "json" is also the rows' extension)
            return offered.stream().filter(f -> f.token().equalsIgnoreCase(param.trim())).findFirst()
                .or(() -> offered.stream().filter(f -> f.isNamed(param)).findFirst())
                .orElseThrow(() -> new UnknownFormatException(param, offered));
        }
        return byAccept(request, offered);
    }

    /** As {@link #choose}, with a file extension on {@code path} taking precedence over the Accept header. */
    public static PathFormat choose(HttpServletRequest request, String path, List<Format> offered) {
        Optional<PathFormat> byExtension = extension(path, offered);
        if (byExtension.isPresent() && request.getParameter(FORMAT_PARAM) == null) {
            varyByAccept();
            return byExtension.get();
        }
        return new PathFormat(byExtension.map(PathFormat::path).orElse(path), choose(request, offered));
    }

    /** The format an explicit extension names, if {@code path} has one of the offered formats' extensions. */
    public static Optional<PathFormat> extension(String path, List<Format> offered) {
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) return Optional.empty();
        String ext = path.substring(dot + 1);
        return offered.stream().filter(f -> f.hasExtension(ext)).findFirst()
            .map(f -> new PathFormat(path.substring(0, dot), f));
    }

    private static Format byAccept(HttpServletRequest request, List<Format> offered) {
        if (request.getHeader(HttpHeaders.ACCEPT) == null || request.getHeader(HttpHeaders.ACCEPT).isBlank()) {
            return offered.get(0);
        }
        AcceptList offer = AcceptList.create(offered.stream().map(Format::mediaType).toArray(String[]::new));
        MediaType chosen = ConNeg.chooseContentType(request, offer, null);
        if (chosen == null) throw new NotAcceptableException(request.getHeader(HttpHeaders.ACCEPT), offered);
        String type = chosen.getContentTypeStr();
        return offered.stream().filter(f -> f.mediaType().equals(type)).findFirst()
            .orElseThrow(() -> new NotAcceptableException(request.getHeader(HttpHeaders.ACCEPT), offered));
    }

    /** Caches must key the answer on Accept: the same URL answers HTML to a browser and Turtle to a crawler. */
    private static void varyByAccept() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletResponse response = attrs.getResponse();
            if (response != null && !response.getHeaders(HttpHeaders.VARY).contains(HttpHeaders.ACCEPT)) {
                response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
            }
        }
    }
}
