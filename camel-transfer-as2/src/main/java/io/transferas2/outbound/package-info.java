/**
 * Sending through an AS2 connector the way AWS Transfer Family does, Camel-free: {@link
 * io.transferas2.outbound.ConnectorSender} reads the connector from the registry at every send, streams the payload
 * through the engine into a spool file, POSTs it with a pooled keep-alive client ({@link
 * io.transferas2.outbound.PartnerHttpClients}, TLS trust from {@link io.transferas2.outbound.PartnerTrust}) and judges
 * the answer ({@link io.transferas2.outbound.MdnEvaluator}). ASYNC sends wait in a {@link
 * io.transferas2.outbound.PendingTransferStore} until {@link io.transferas2.outbound.AsyncMdnCompleter} receives their
 * MDN or times them out. Results are {@link io.transferas2.transfer.OutboundResult}s with AWS's status document and
 * result locations ({@link io.transferas2.outbound.OutboundResults}).
 *
 * <pre>{@code
 * try (PartnerHttpClients clients = new PartnerHttpClients()) {
 *     ConnectorSender sender = new ConnectorSender(registry, new CertificateStore(registry), clients,
 *             new FilePendingTransferStore(Path.of("data/transfer-as2/pending-mdn")), BasicAuthResolver.NONE);
 *     OutboundResult result = sender.send("c-0123456789abcdef0",
 *             OutboundFile.builder().file(Path.of("po.edi")).sourcePath(StoragePath.parse("/outbox/po.edi")).build(),
 *             SendOptions.builder().build());
 * } catch (TransportFailureException e) {
 *     // unreachable, timed out or HTTP 5xx: e.result() is FAILED; resend with the same messageId
 * }
 * }</pre>
 */
package io.transferas2.outbound;
