/**
 * The AS2 engine (RFC 4130): builds and parses S/MIME messages and MDNs in one streaming pass, with constant memory
 * whatever the payload size. Camel-free; depends on the model, the certificate store and BouncyCastle only.
 *
 * <h2>Sending (the connector producer)</h2>
 * <pre>{@code
 * OutboundMessageRequest request = OutboundMessageRequest.builder()
 *         .payload(in).filename("po.edi").contentType("application/edi-x12")
 *         .config(connector.getAs2Config())                       // SigningAlgorithm, EncryptionAlgorithm, Compression
 *         .signingKey(store.signingKey(localProfileId).orElseThrow())
 *         .encryptionCertificate(store.encryptionCertificate(partnerProfileId).orElseThrow())
 *         .micAlgorithm(MicAlgorithm.of(config.effectiveMdnSigningAlgorithm()).orElse(null))
 *         .build();
 * try (OutboundMessage message = new As2MessageBuilder().build(request)) {
 *     // POST message.openBody() with message.headers(), Content-Length message.length(), plus AS2 headers and
 *     // Disposition-Notification-Options: DispositionNotificationOptions.signedReceipt(alg).toHeaderValue()
 *     ReceivedMdn mdn = new MdnReader().read(responseContentType, responseBody,
 *             certificates(store.verificationCertificates(partnerProfileId, now)));
 *     mdn.verify(message.mic(), signedReceiptRequested);    // VERIFICATION_FAILED[_NO_MATCHING_KEY_FOUND]
 * }
 * }</pre>
 *
 * <h2>Receiving (the server consumer)</h2>
 * <pre>{@code
 * InboundMessageRequest request = InboundMessageRequest.builder()
 *         .headers(httpHeaders).body(httpBody)
 *         .decryptionKeys(store.decryptionKeys(localProfileId, now))
 *         .partnerSigningMaterial(store.verificationCertificates(partnerProfileId, now))
 *         .requireEncryption(!viaTls).requireSignature(agreementEnforcesSigning)
 *         .build();
 * try (InboundMessage message = new As2MessageParser().parse(request)) {
 *     // hand message.payload() (or movePayloadTo) to the route, then answer:
 *     Mdn mdn = new As2MdnBuilder().build(MdnRequest.builder()
 *             .originalRecipient(as2To).originalMessageId(messageId)
 *             .receivedContentMic(message.mic()).disposition(Disposition.processed())
 *             .signedWith(localSigningKey, requestedAlgorithm)   // when request.notificationOptions() asks for it
 *             .build());
 * } catch (As2Exception e) {
 *     // e.failureCode() for the status JSON, Disposition.error(e.modifier()) for the error MDN
 * }
 * }</pre>
 *
 * <p>Failures are {@link io.transferas2.as2.As2Exception}s carrying an {@link io.transferas2.as2.As2FailureCode}
 * (AWS's spelling) and a {@link io.transferas2.as2.DispositionModifier} (RFC 4130). MIC rules are documented on
 * {@link io.transferas2.as2.As2MessageParser}; limits on {@link io.transferas2.as2.As2Limits}.
 */
package io.transferas2.as2;
