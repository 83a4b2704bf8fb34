package io.transferas2.inbound;

import java.util.Map;

import io.transferas2.as2.DispositionNotificationOptions;

/**
 * The receipt a partner asked for: none, a synchronous MDN in the HTTP response, or an asynchronous one POSTed to
 * {@code Receipt-Delivery-Option}; signed when {@code Disposition-Notification-Options} asks for it.
 *
 * @param wanted               a {@code Disposition-Notification-To} header was sent
 * @param receiptDeliveryOption the async URL as sent, or null for a synchronous receipt
 * @param options              the signing options
 */
record Receipt(boolean wanted, String receiptDeliveryOption, DispositionNotificationOptions options) {

    static Receipt of(Map<String, String> headers) {
        String dnt = RequestOrigin.header(headers, "Disposition-Notification-To");
        String rdo = RequestOrigin.header(headers, "Receipt-Delivery-Option");
        boolean wanted = dnt != null && !dnt.isBlank();
        return new Receipt(wanted, wanted && rdo != null && !rdo.isBlank() ? rdo.strip() : null,
                DispositionNotificationOptions.parse(RequestOrigin.header(headers,
                        "Disposition-Notification-Options")));
    }

    boolean async() {
        return receiptDeliveryOption != null;
    }
}
