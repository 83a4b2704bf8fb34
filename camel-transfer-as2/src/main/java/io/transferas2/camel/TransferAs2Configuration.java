package io.transferas2.camel;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParams;

/**
 * Endpoint options of transfer-as2. Set at component level they become defaults for every endpoint; options on an
 * endpoint URI override them.
 */
@UriParams
public class TransferAs2Configuration implements Cloneable {

    public TransferAs2Configuration copy() {
        try {
            return (TransferAs2Configuration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
