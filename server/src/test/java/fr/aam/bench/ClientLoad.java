package fr.aam.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients on loopback sending requests back to back for a fixed window, each request drawn from a weighted mix (one
 * request for the benchmark's throughput, the load command's mixed workload), every answer classified: as expected,
 * refused by admission ({@code 503} with the admission's {@code Retry-After: 2}), another 503 (timeout or memory),
 * another status, the wrong number of rows, a client timeout, a connection error or a cut transfer.
 *
 * <p>Requests/s counts the answers completed within the window. Latencies cover every request sent within the
 * window, those that complete after it included: under overload the slowest answers are the ones that would otherwise
 * be left out.
 */
final class ClientLoad {

    /** The admission filter's Retry-After: tells its 503 (refused at once) from a timeout's (Retry-After: 10). */
    static final String ADMISSION_RETRY_AFTER = "2";

    /**
     * One kind of request of a mix.
     *
     * @param expectedRows the exact number of lines of the body less the header line, or -1 for any (tab-separated
     *                     results put one row on a line)
     */
    record Request(String name, HttpRequest http, int expectedStatus, long expectedRows, int weight) {}

    /** What happened to one kind of request (or to all of them). */
    static final class Tally {
        final Percentiles all = new Percentiles();
        final Percentiles expected = new Percentiles();
        long answeredInWindow;
        long asExpected;
        long busy;                // 503 from admission
        long unavailable;         // another 503: the query timed out or was stopped for memory
        long wrongRows;
        long clientTimeouts;
        long connectionRefused;
        long connectionErrors;    // reset, or the body cut before its end
        final Map<Integer, Long> otherStatuses = new TreeMap<>();

        long count() { return all.count(); }

        /** Answers that are neither as expected nor a 503: the defects. */
        long errors() { return wrongRows + clientTimeouts + connectionRefused + connectionErrors + otherStatuses.values().stream().mapToLong(Long::longValue).sum(); }

        /** The errors by kind, e.g. {@code "HTTP 500 ×2, connection reset or cut ×1"}, or "none". */
        String errorKinds() {
            StringBuilder s = new StringBuilder();
            otherStatuses.forEach((status, n) -> append(s, "HTTP " + status, n));
            append(s, "wrong row count", wrongRows);
            append(s, "client timeout", clientTimeouts);
            append(s, "connection refused", connectionRefused);
            append(s, "connection reset or body cut", connectionErrors);
            return s.isEmpty() ? "none" : s.toString();
        }

        private static void append(StringBuilder s, String what, long n) {
            if (n == 0) return;
            if (!s.isEmpty()) s.append(", ");
            s.append(what).append(" ×").append(n);
        }

        private void add(Outcome o, long nanos, boolean inWindow) {
            all.add(nanos);
            if (inWindow) answeredInWindow++;
            switch (o.kind) {
                case AS_EXPECTED -> { asExpected++; expected.add(nanos); }
                case BUSY -> busy++;
                case UNAVAILABLE -> unavailable++;
                case WRONG_ROWS -> wrongRows++;
                case CLIENT_TIMEOUT -> clientTimeouts++;
                case REFUSED -> connectionRefused++;
                case CONNECTION -> connectionErrors++;
                case STATUS -> otherStatuses.merge(o.status, 1L, Long::sum);
            }
        }
    }

    /** One level's figures: all requests together and each kind apart, in the mix's order. */
    record Result(int clients, Duration window, Tally total, Map<String, Tally> byName, Duration drain) {
        double requestsPerSecond() { return total.answeredInWindow / (window.toNanos() / 1e9); }

        /** The useful throughput: answers as expected per second of the window (those completed after it included). */
        double asExpectedPerSecond() { return total.asExpected / (window.toNanos() / 1e9); }
    }

    private enum Kind { AS_EXPECTED, BUSY, UNAVAILABLE, WRONG_ROWS, CLIENT_TIMEOUT, REFUSED, CONNECTION, STATUS }

    private record Outcome(Kind kind, int status) {}

    private ClientLoad() {}

    /**
     * Runs {@code clients} clients for {@code window}, each sending requests drawn from {@code mix} (by weight, from
     * its own random sequence seeded from {@code seed}) back to back, then waits for the requests still in flight.
     */
    static Result run(HttpClient http, List<Request> mix, int clients, Duration window, long seed) throws InterruptedException {
        int totalWeight = mix.stream().mapToInt(Request::weight).sum();
        Map<String, Tally> byName = new LinkedHashMap<>();
        for (Request r : mix) byName.put(r.name(), new Tally());
        Tally total = new Tally();
        long start = System.nanoTime();
        long end = start + window.toNanos();
        AtomicLong lastDone = new AtomicLong(end);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = seeds.split();
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    Request r = draw(mix, totalWeight, random);
                    long t0 = System.nanoTime();
                    Outcome o = send(http, r);
                    long done = System.nanoTime();
                    lastDone.accumulateAndGet(done, Math::max);
                    synchronized (total) {
                        total.add(o, done - t0, done <= end);
                        byName.get(r.name()).add(o, done - t0, done <= end);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) pool.shutdownNow();
        return new Result(clients, window, total, byName, Duration.ofNanos(Math.max(0, lastDone.get() - end)));
    }

    private static Request draw(List<Request> mix, int totalWeight, SplittableRandom random) {
        if (mix.size() == 1) return mix.get(0);
        int x = random.nextInt(totalWeight);
        for (Request r : mix) {
            x -= r.weight();
            if (x < 0) return r;
        }
        throw new IllegalStateException("weights");
    }

    private static Outcome send(HttpClient http, Request r) {
        try {
            HttpResponse<Long> response = http.send(r.http(), info -> new LineCounter());
            int status = response.statusCode();
            if (status == 503) {
                boolean admission = response.headers().firstValue("Retry-After").filter(ADMISSION_RETRY_AFTER::equals).isPresent();
                return new Outcome(admission ? Kind.BUSY : Kind.UNAVAILABLE, status);
            }
            if (status != r.expectedStatus()) return new Outcome(Kind.STATUS, status);
            if (r.expectedRows() >= 0 && response.body() - 1 != r.expectedRows()) return new Outcome(Kind.WRONG_ROWS, status);
            return new Outcome(Kind.AS_EXPECTED, status);
        } catch (HttpTimeoutException e) {
            return new Outcome(Kind.CLIENT_TIMEOUT, 0);
        } catch (ConnectException e) {
            return new Outcome(Kind.REFUSED, 0);
        } catch (IOException e) {
            return new Outcome(Kind.CONNECTION, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Kind.CONNECTION, 0);
        }
    }

    /** Reads the whole body (its transfer is part of the latency), keeping only the number of lines. */
    private static final class LineCounter implements HttpResponse.BodySubscriber<Long> {
        private final CompletableFuture<Long> lines = new CompletableFuture<>();
        private long n;
        private boolean unterminated;

        @Override public CompletionStage<Long> getBody() { return lines; }

        @Override public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                while (b.hasRemaining()) {
                    byte x = b.get();
                    if (x == '\n') n++;
                    unterminated = x != '\n';
                }
            }
        }

        @Override public void onError(Throwable t) { lines.completeExceptionally(t); }

        @Override public void onComplete() { lines.complete(unterminated ? n + 1 : n); }
    }
}
