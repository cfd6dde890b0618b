package fr.aam.web.protection;

import fr.aam.sparql.QueryLimits;
import fr.aam.web.errors.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What Fuseki answers on {@code /sparql}, made safe to expose: its plain-text errors become problem documents like
 * every other error of the server, and a response is never a 200 that looks complete when it is not. Past
 * {@code aam.limits.max-response-size} bytes, or when a query times out after its results began to stream, the
 * connection is cut (the client sees a transfer error), instead of Fuseki's in-band "Incomplete results" text.
 */
public final class SparqlResponseFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemWriter problems;

    public SparqlResponseFilter(QueryLimits limits, ProblemWriter problems) {
        this.maxBytes = limits.maxResponseSize().toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/sparql") || path.startsWith("/sparql/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Guarded guarded = new Guarded(response, maxBytes);
        chain.doFilter(request, guarded);
        if (guarded.error != null) {
            String text = guarded.errorText();
            if (guarded.errorStatus == 503) {   // Fuseki's timeout answer
                response.setHeader("Retry-After", "10");
                text = "La requête a dépassé le temps permis / the query timed out";
            }
            problems.write(request, response, guarded.errorStatus, text);
        } else if (guarded.cut) {
            // Tomcat closes the connection of a committed response whose processing ends in an exception,
            // without the final chunk: the client knows the body is incomplete.
            throw new IOException("response cut: " + guarded.cutReason);
        }
    }

    /** Holds back an error answer until the filter rewrites it; counts and cuts a successful one. */
    private static final class Guarded extends HttpServletResponseWrapper {
        private final long maxBytes;
        ByteArrayOutputStream error;
        int errorStatus;
        boolean cut;
        String cutReason;
        private long written;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Guarded(HttpServletResponse response, long maxBytes) {
            super(response);
            this.maxBytes = maxBytes;
        }

        String errorText() {
            byte[] b = error.toByteArray();
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                return new String(b, StandardCharsets.ISO_8859_1);   // Fuseki's print(String) writes Latin-1
            }
        }

        @Override
        public void setStatus(int sc) {
            if (sc >= 400) {
                if (isCommitted()) { cut("status " + sc + " after the results began"); return; }
                error = new ByteArrayOutputStream();
                errorStatus = sc;
                return;
            }
            if (error == null) super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            setStatus(sc);
            if (error != null && msg != null) error.write(msg.getBytes(StandardCharsets.UTF_8));
        }

        @Override public void sendError(int sc) throws IOException { sendError(sc, null); }

        @Override public void setContentType(String type) { if (error == null) super.setContentType(type); }
        @Override public void setCharacterEncoding(String cs) { if (error == null) super.setCharacterEncoding(cs); }
        @Override public void setContentLength(int len) { if (error == null) super.setContentLength(len); }
        @Override public void setContentLengthLong(long len) { if (error == null) super.setContentLengthLong(len); }
        @Override public void flushBuffer() throws IOException { if (error == null && !cut) super.flushBuffer(); }

        private void cut(String reason) {
            if (!cut) { cut = true; cutReason = reason; }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream real = getResponse().getOutputStream();
                stream = new ServletOutputStream() {
                    @Override public boolean isReady() { return real.isReady(); }
                    @Override public void setWriteListener(WriteListener l) { real.setWriteListener(l); }
                    @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }
                    @Override public void write(byte[] b, int off, int len) throws IOException {
                        if (error != null) { error.write(b, off, len); return; }
                        if (cut) return;
                        written += len;
                        if (written > maxBytes) {
                            cut("more than " + maxBytes + " bytes");
                            throw new IOException("response larger than " + maxBytes + " bytes");
                        }
                        real.write(b, off, len);
                    }
                    @Override public void flush() throws IOException { if (error == null && !cut) real.flush(); }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            return writer;
        }
    }
}
