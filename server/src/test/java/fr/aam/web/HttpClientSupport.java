package fr.aam.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Real HTTP against the running server. */
public final class HttpClientSupport {
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public HttpClientSupport(int port) { this.base = "http://localhost:" + port; }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) b.headers(headers);
        return send(b.build());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) b.headers(headers);
        return send(b.build());
    }

    public static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private HttpResponse<String> send(HttpRequest r) {
        try {
            return client.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
