package io.transferas2.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.queue.TransferQueue;
import io.transferas2.registry.Page;
import io.transferas2.store.FileStatus;
import io.transferas2.store.FileTransferResult;

/**
 * The queue benchmark, one side of it: StartFileTransfer of N 10 KB files through one connector, accepted in
 * requests of 10 by {@link #ACCEPT_THREADS} callers while the files are being sent, either through the durable queue
 * (the transfer store on embedded H2 and a {@code transfer-as2:transfers} route, as the route pack runs it) or
 * through the in-memory SEDA queue the route pack used before it (TransferId and accept in memory, a
 * {@code seda} route with as many consumers as the durable queue's per-connector limit). Both send with
 * {@code to("transfer-as2:connector/...")} to the same receiver and count a file only when it is COMPLETED (verified
 * signed MDN). Prints {@code QUEUE {json}}: accepted/s, completed/s (first accept to last COMPLETED), p50/p99 from
 * accept to COMPLETED.
 */
final class QueueRun {
    static final int ACCEPT_THREADS = 4;
    static final int REQUEST_FILES = 10;

    private QueueRun() {
    }

    static Map<String, Object> run(String queue, BenchKeys keys, String url, Path payload, Path work, int files,
                                   int concurrency) throws Exception {
        OurRegistry registry = OurRegistry.sender(keys, url);
        TransferAs2Component component = new TransferAs2Component();
        component.setRegistry(registry.registry);
        component.setStoreDirectory(work.resolve("store").toString());
        component.setMaxConcurrentTransfersPerConnector(concurrency);
        component.setMaxConcurrentTransfers(concurrency);
        CamelContext context = new DefaultCamelContext();
        context.addComponent("transfer-as2", component);
        String connector = "transfer-as2:connector/" + registry.connectorId;
        boolean durable = queue.equals("durable");
        // in-memory queue: accept time per TransferId and the accept-to-COMPLETED time of each file
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (durable) {
                    from("transfer-as2:transfers").routeId("send-durable")
                            .process(e -> read(e, payload))
                            .to(connector);
                } else {
                    onException(Exception.class).handled(true).process(e -> {
                        failed.incrementAndGet();
                        lastDone.accumulateAndGet(System.currentTimeMillis(), Math::max);
                    });
                    from("seda:send-file?concurrentConsumers=" + concurrency + "&size=" + (files + 100))
                            .routeId("send-memory")
                            .process(e -> read(e, payload))
                            .to(connector)
                            .process(e -> {
                                long now = System.currentTimeMillis();
                                if ("COMPLETED".equals(e.getMessage().getHeader(TransferAs2Constants.STATUS_CODE,
                                        String.class))) {
                                    completed.incrementAndGet();
                                } else {
                                    failed.incrementAndGet();
                                }
                                latencies.add(now - acceptedAt.get(e.getMessage().getHeader(
                                        TransferAs2Constants.TRANSFER_ID, String.class)));
                                lastDone.accumulateAndGet(now, Math::max);
                            });
                }
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        TransferQueue transfers = component.transferQueue();
        ExecutorService callers = Executors.newFixedThreadPool(ACCEPT_THREADS);
        List<String> transferIds = java.util.Collections.synchronizedList(new ArrayList<>());
        long firstAccept = System.currentTimeMillis();
        long t0 = System.nanoTime();
        List<Future<?>> requests = new ArrayList<>();
        for (int i = 0; i < files; i += REQUEST_FILES) {
            List<String> paths = new ArrayList<>();
            for (int j = i; j < Math.min(files, i + REQUEST_FILES); j++) {
                paths.add("/bench-outbox/out/file-" + j + ".x12");
            }
            requests.add(callers.submit(() -> {
                if (durable) {
                    transferIds.add(transfers.accept(registry.connectorId, paths, null));
                } else {
                    String transferId = java.util.UUID.randomUUID().toString();
                    acceptedAt.put(transferId, System.currentTimeMillis());
                    for (int k = 0; k < paths.size(); k++) {
                        int index = k;
                        template.send("seda:send-file?waitForTaskToComplete=Never", e -> {
                            e.getMessage().setBody(paths.get(index));
                            e.getMessage().setHeader(TransferAs2Constants.TRANSFER_ID, transferId);
                            e.getMessage().setHeader(TransferAs2Constants.FILE_INDEX, index);
                        });
                    }
                    transferIds.add(transferId);
                }
                return null;
            }));
        }
        for (Future<?> f : requests) {
            f.get();
        }
        double acceptSeconds = (System.nanoTime() - t0) / 1e9;
        callers.shutdown();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(30);
        if (durable) {
            while (System.nanoTime() < deadline) {
                Map<FileStatus, Long> counts = component.transferStore().countByStatus();
                if (counts.get(FileStatus.COMPLETED) + counts.get(FileStatus.FAILED) >= files) {
                    break;
                }
                Thread.sleep(200);
            }
            // the store's own times: accepted_at of the request, finished_at of the COMPLETED commit
            for (String transferId : transferIds) {
                Page<FileTransferResult> page = transfers.results(registry.connectorId, transferId, 100, null)
                        .orElseThrow();
                for (FileTransferResult r : page.items()) {
                    if (r.status() == FileStatus.COMPLETED) {
                        completed.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    if (r.finishedAt() != null) {
                        latencies.add(r.finishedAt().toEpochMilli() - r.acceptedAt().toEpochMilli());
                        lastDone.accumulateAndGet(r.finishedAt().toEpochMilli(), Math::max);
                    }
                }
            }
        } else {
            while (completed.get() + failed.get() < files && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        context.stop();
        long[] nanos = latencies.stream().mapToLong(ms -> ms * 1_000_000L).toArray();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("queue", queue);
        r.put("files", files);
        r.put("concurrency", concurrency);
        r.put("acceptThreads", ACCEPT_THREADS);
        r.put("completed", completed.get());
        r.put("failed", failed.get());
        r.put("acceptedPerSec", Math.round(files / acceptSeconds));
        double runSeconds = (lastDone.get() - firstAccept) / 1000.0;
        r.put("seconds", runSeconds);
        r.put("completedPerSec", runSeconds > 0 ? Math.round(10.0 * completed.get() / runSeconds) / 10.0 : 0);
        r.put("p50Ms", Percentiles.millis(nanos, 50));
        r.put("p99Ms", Percentiles.millis(nanos, 99));
        r.put("started", Instant.ofEpochMilli(firstAccept).toString());
        return r;
    }

    /** The file's body: every path of the benchmark is the same 10 KB payload on local disk. */
    private static void read(Exchange e, Path payload) {
        String path = e.getMessage().getBody(String.class);
        e.getMessage().setHeader(TransferAs2Constants.FILE_NAME, path.substring(path.lastIndexOf('/') + 1));
        e.getMessage().setBody(payload);
    }
}
