package com.example.shop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Application code: it logs through SLF4J and knows nothing of Kinesis; logback.xml sends its events there. */
public final class Checkout {
    private static final Logger LOG = LoggerFactory.getLogger(Checkout.class);

    private Checkout() {}

    /** Logs that an order was placed, with the order id in the MDC and the amount as a structured field. */
    public static void placeOrder(String orderId, long amountCents) {
        MDC.put("order_id", orderId);
        try {
            LOG.atInfo().addKeyValue("amount_cents", amountCents).log("order placed");
        } finally {
            MDC.remove("order_id");
        }
    }

    public static void main(String[] args) {
        placeOrder(args.length > 0 ? args[0] : "o-1", 1299);
    }
}
