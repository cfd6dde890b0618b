package fr.aam.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, for the requests a well-behaved client library refuses to send: any method,
 * any Host header, malformed encodings, huge headers. Reads the whole answer (the server closes or sends a length).
 */
final class RawHttp {

    record Response(int status, Map<String, String> headers, String body, boolean complete) {
        String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
    }

    private final int port;

    RawHttp(int port) { this.port = port; }

    Response send(String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Host", "127.0.0.1:" + port);
            h.put("Connection", "close");
            h.putAll(headers);
            if (body != null) h.put("Content-Length", Integer.toString(body.length));
            h.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            req.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) req.write(body);
            OutputStream out = s.getOutputStream();
            out.write(req.toByteArray());
            out.flush();
            return read(s.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) return new Response(-1, Map.of(), new String(all, StandardCharsets.UTF_8), false);
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int start = end + 4;
        if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return new Response(status, headers, new String(all, start, all.length - start, StandardCharsets.UTF_8), true);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean complete = dechunk(all, start, body);
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8), complete);
    }

    /** Decodes chunked encoding; false when the final zero-length chunk never came (the body was cut). */
    private static boolean dechunk(byte[] b, int i, ByteArrayOutputStream out) {
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        while (i < b.length) {
            int eol = indexOf(b, crlf, i);
            if (eol < 0) return false;
            int size;
            try {
                size = Integer.parseInt(new String(b, i, eol - i, StandardCharsets.ISO_8859_1).trim(), 16);
            } catch (NumberFormatException e) {
                return false;
            }
            if (size == 0) return true;
            int start = eol + 2;
            if (start + size > b.length) { out.write(b, start, b.length - start); return false; }
            out.write(b, start, size);
            i = start + size + 2;
        }
        return false;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
