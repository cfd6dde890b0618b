package fr.aam.web;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The texts the page's scripts write (messages*.properties keys starting with {@code js.}), in the page's language,
 * so that every text a person reads stays in the two message files — the templates' and the scripts' alike.
 */
@RestController
public class PageTextsController {

    static final String PREFIX = "js.";

    private final MessageSource messages;

    public PageTextsController(MessageSource messages) { this.messages = messages; }

    @GetMapping(value = "/page-texts", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> texts(@RequestParam(defaultValue = "fr") String lang) {
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.FRENCH;
        // the keys come from the French file (the reference); the values from Spring's MessageSource, as templates get them
        ResourceBundle keys = ResourceBundle.getBundle("messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> out = new TreeMap<>();
        for (String key : Collections.list(keys.getKeys())) {
            if (key.startsWith(PREFIX)) out.put(key.substring(PREFIX.length()), messages.getMessage(key, null, locale));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(out);
    }
}
