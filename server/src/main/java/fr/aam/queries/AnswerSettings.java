package fr.aam.queries;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much of the canned queries' answers the server keeps per data version (settings {@code aam.answers.*}).
 *
 * @param keptRows rows kept over every request's answer (each answer keeps its first rows, up to the largest page):
 *                 the heap they take is bounded by this number, not by the data. 0 keeps nothing.
 * @param warmUp   whether, once a data version is served, the answers the web page asks first (each canned query
 *                 without parameters and with its example) are computed at once, in the background, rather than by
 *                 their first visitor
 * @param warmUpTimeout the limit of each of these queries: load-time work, longer than a request's timeout, so that
 *                 an answer too long to compute within a request (a broad query at national scale) is ready anyway
 */
@ConfigurationProperties(prefix = "aam.answers")
public record AnswerSettings(Long keptRows, Boolean warmUp, java.time.Duration warmUpTimeout) {

    public AnswerSettings {
        if (keptRows == null || keptRows < 0) keptRows = 50_000L;
        if (warmUp == null) warmUp = true;
        if (warmUpTimeout == null) warmUpTimeout = java.time.Duration.ofMinutes(10);
    }
}
