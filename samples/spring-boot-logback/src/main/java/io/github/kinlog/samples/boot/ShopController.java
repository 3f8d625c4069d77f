package io.github.kinlog.samples.boot;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shop's API; every request logs exactly one event on the logger {@code shop.api}. */
@RestController
class ShopController {
    static final String LOGGER = "shop.api";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @GetMapping("/products/{id}")
    Map<String, Object> product(@PathVariable("id") int id) {
        log.atInfo().addKeyValue("product_id", id).log("Viewed product {}", id);
        return Map.of("id", id, "name", "Product " + id, "price", 10 + id % 90);
    }

    @GetMapping("/search")
    Map<String, Object> search(@RequestParam("q") String query) {
        int found = Math.abs(query.hashCode()) % 40;
        log.atInfo().addKeyValue("query", query).addKeyValue("found", found).log("Search '{}' found {}", query, found);
        return Map.of("query", query, "found", found);
    }

    @PostMapping("/cart/{id}")
    Map<String, Object> addToCart(@PathVariable("id") int id) {
        log.atInfo().addKeyValue("product_id", id).log("Added product {} to cart", id);
        return Map.of("added", id);
    }

    @PostMapping("/orders")
    ResponseEntity<Map<String, Object>> order(
            @RequestParam(value = "failPercent", defaultValue = "10") int failPercent) {
        String order = "o-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        double amount = Math.round(ThreadLocalRandom.current().nextDouble(5, 500) * 100) / 100.0;
        if (ThreadLocalRandom.current().nextInt(100) < failPercent) {
            log.atError()
                    .addKeyValue("order_id", order)
                    .addKeyValue("amount", amount)
                    .setCause(new IllegalStateException("card declined by issuer"))
                    .log("Payment for order {} failed", order);
            return ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).body(Map.of("order", order, "paid", false));
        }
        log.atInfo()
                .addKeyValue("order_id", order)
                .addKeyValue("amount", amount)
                .log("Order {} placed", order);
        return ResponseEntity.ok(Map.of("order", order, "paid", true));
    }
}
