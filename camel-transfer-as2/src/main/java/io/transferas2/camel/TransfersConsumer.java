package io.transferas2.camel;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import io.transferas2.queue.FileSender;
import io.transferas2.queue.QueueSettings;
import io.transferas2.queue.TransferQueue;
import io.transferas2.queue.TransferWorkers;
import io.transferas2.store.ClaimedFile;
import io.transferas2.store.FileOutcome;

/**
 * {@code from("transfer-as2:transfers")}: sends the files StartFileTransfer accepted. It claims queued files from the
 * transfer store (see {@link TransferWorkers}) and emits one exchange per file: body the {@code /bucket/key} path,
 * headers TransferId, ConnectorId, SourcePath, FileIndex, Attempt and CustomHttpHeaders. The route reads the file and
 * sends it with {@code transfer-as2:connector/${header.CamelTransferAs2ConnectorId}}, which reuses the file's
 * Message-ID on every attempt, and stores the status JSON; the consumer then records the outcome from the result
 * headers. One such consumer per component.
 */
public class TransfersConsumer extends DefaultConsumer implements FileSender {
    /** Exchange property: a transport failure of this attempt may be retried (the retry policy allows another). */
    static final String RETRY_ALLOWED = "CamelTransferAs2RetryAllowed";

    private TransferWorkers workers;

    public TransfersConsumer(TransferAs2Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public TransferAs2Endpoint getEndpoint() {
        return (TransferAs2Endpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        TransferAs2Component component = getEndpoint().getComponent();
        TransferQueue queue = component.transferQueue();
        if (queue.sending()) {
            throw new IllegalStateException("transfer-as2:transfers is consumed once per component; another route"
                    + " already sends the queued files");
        }
        QueueSettings settings = new QueueSettings(component.nodeId(), component.getMaxConcurrentTransfers(),
                component.getMaxConcurrentTransfersPerConnector(), Duration.ofMillis(component.getTransferLease()),
                Duration.ofMillis(component.getTransferPollInterval()), component.retryPolicy());
        var executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        ExecutorService pool = executors.newFixedThreadPool(this, "TransferAs2Transfers",
                settings.maxConcurrent());
        ScheduledExecutorService scheduler = executors.newSingleThreadScheduledExecutor(this,
                "TransferAs2TransferLeases");
        workers = new TransferWorkers(queue.store(), settings, Clock.systemUTC());
        String dispatcherName = executors.resolveThreadName("TransferAs2TransferDispatcher");
        workers.start(this, pool, scheduler, r -> {
            Thread t = new Thread(r, dispatcherName);
            t.setDaemon(true);
            return t;
        });
        queue.workers(workers);
    }

    @Override
    protected void doStop() throws Exception {
        if (workers != null) {
            TransferAs2Component component = getEndpoint().getComponent();
            component.transferQueue().workers(null);
            long seconds = getEndpoint().getCamelContext().getShutdownStrategy().getTimeUnit()
                    .toSeconds(getEndpoint().getCamelContext().getShutdownStrategy().getTimeout());
            workers.stop(Duration.ofSeconds(Math.max(1, seconds)));
            workers = null;
        }
        super.doStop();
    }

    @Override
    public FileOutcome send(ClaimedFile file, boolean retryAllowed) {
        Exchange exchange = createExchange(false);
        try {
            Message in = exchange.getIn();
            in.setBody(file.filePath());
            in.setHeader(TransferAs2Constants.TRANSFER_ID, file.transferId());
            in.setHeader(TransferAs2Constants.CONNECTOR_ID, file.connectorId());
            in.setHeader(TransferAs2Constants.SOURCE_PATH, file.filePath());
            in.setHeader(TransferAs2Constants.FILE_INDEX, file.fileIndex());
            in.setHeader(TransferAs2Constants.ATTEMPT, file.attempt());
            if (file.customHttpHeaders() != null) {
                in.setHeader(TransferAs2Constants.CUSTOM_HTTP_HEADERS, file.customHttpHeaders());
            }
            // the connector producer sends with the file's Message-ID, on every attempt
            exchange.setProperty(TransferAs2Producer.RESEND_PROPERTY + file.connectorId(),
                    file.transferId() + " " + file.messageId());
            exchange.setProperty(RETRY_ALLOWED, retryAllowed);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            return outcome(exchange);
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private static FileOutcome outcome(Exchange exchange) {
        TransferRetryException retry = exchange.getException(TransferRetryException.class);
        if (retry != null) {
            return FileSender.retry(retry.result().failureCode() == null ? null
                    : retry.result().failureCode().name(), retry.result().failureMessage());
        }
        Exception failure = exchange.getException();
        if (failure != null) {
            throw new IllegalStateException("the route failed: " + failure, failure);
        }
        Message m = exchange.getMessage();
        String status = m.getHeader(TransferAs2Constants.STATUS_CODE, String.class);
        if (status == null) {
            throw new IllegalStateException("the route ended without a result: it must send the file with"
                    + " transfer-as2:connector/${header." + TransferAs2Constants.CONNECTOR_ID + "}");
        }
        String mic = m.getHeader(TransferAs2Constants.MIC, String.class);
        String bucket = m.getHeader(TransferAs2Constants.STATUS_BUCKET, String.class);
        String key = m.getHeader(TransferAs2Constants.STATUS_KEY, String.class);
        String statusKey = bucket == null || key == null ? null : "/" + bucket + "/" + key;
        return switch (status) {
            case "COMPLETED" -> FileOutcome.completed(mic, statusKey);
            case "PROCESSING" -> FileOutcome.processing(mic);
            case "FAILED" -> FileOutcome.failed(m.getHeader(TransferAs2Constants.FAILURE_CODE, String.class),
                    m.getHeader(TransferAs2Constants.FAILURE_MESSAGE, String.class), mic, statusKey);
            default -> throw new IllegalStateException("unknown status code " + status);
        };
    }
}
