package io.github.kinlog.samples.webshop;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

/**
 * Simulates a web shop's users: page views, searches, add-to-cart, orders and payment failures, each logged once
 * with the user, session and request in the ThreadContext (the event's {@code mdc}). Counts what it logged, by
 * action, so a demo can check that the warehouse holds exactly that.
 */
public final class WebShop {
    /** What a user does, with its logger and how often it happens. */
    public enum Action {
        PAGE_VIEW("shop.pages", 50),
        SEARCH("shop.search", 20),
        ADD_TO_CART("shop.cart", 15),
        ORDER("shop.orders", 10),
        PAYMENT_FAILURE("shop.payments", 5);

        final Logger logger;
        final int weight;

        Action(String logger, int weight) {
            this.logger = LogManager.getLogger(logger);
            this.weight = weight;
        }
    }

    private static final String[] PAGES = {
        "/",
        "/catalog",
        "/catalog/shoes",
        "/catalog/bags",
        "/product/1042",
        "/product/2210",
        "/cart",
        "/checkout",
        "/account"
    };
    private static final String[] SEARCHES = {"running shoes", "red bag", "gift card", "sale", "wool socks"};

    private final Random random;
    private final Map<Action, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder logged = new LongAdder();

    public WebShop(long seed) {
        this.random = new Random(seed);
        for (Action action : Action.values()) {
            counts.put(action, new LongAdder());
        }
    }

    /**
     * Logs {@code eventsPerSecond} actions a second for {@code duration}, or until interrupted. Paced against the
     * clock, so a slow moment is caught up rather than lost.
     */
    public void run(int eventsPerSecond, Duration duration) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long now = System.nanoTime();
            if (now >= end) {
                return;
            }
            long due = (now - start) * eventsPerSecond / 1_000_000_000L;
            while (sent < due) {
                act();
                sent++;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One user action, logged once. */
    public void act() {
        Action action = pick();
        String user = "u" + (1000 + random.nextInt(200));
        ThreadContext.put("user_id", user);
        ThreadContext.put("session_id", "s-" + user + "-" + (random.nextInt(3) + 1));
        ThreadContext.put("request_id", UUID.randomUUID().toString());
        try {
            switch (action) {
                case PAGE_VIEW -> {
                    String page = PAGES[random.nextInt(PAGES.length)];
                    ThreadContext.put("page", page);
                    action.logger.info("GET {} 200 in {} ms", page, 5 + random.nextInt(120));
                }
                case SEARCH -> {
                    ThreadContext.put("page", "/search");
                    String query = SEARCHES[random.nextInt(SEARCHES.length)];
                    action.logger.info("Search '{}' found {} products", query, random.nextInt(40));
                }
                case ADD_TO_CART -> {
                    ThreadContext.put("page", "/cart");
                    action.logger.info(
                            "Added product {} x{} to cart", 1000 + random.nextInt(3000), 1 + random.nextInt(3));
                }
                case ORDER -> {
                    String order = checkout();
                    action.logger.info(
                            "Order {} placed: {} items, {} EUR",
                            order,
                            1 + random.nextInt(5),
                            String.format("%.2f", 10 + random.nextDouble() * 300));
                }
                case PAYMENT_FAILURE -> {
                    String order = checkout();
                    action.logger.error(
                            "Payment for order {} failed",
                            order,
                            new PaymentDeclined(
                                    "card declined by issuer",
                                    new IllegalStateException("issuer timeout after 3000 ms")));
                }
            }
        } finally {
            ThreadContext.clearMap();
        }
        counts.get(action).increment();
        logged.increment();
    }

    /** A new order at the checkout page; its id goes into the context. */
    private static String checkout() {
        String order = "o-" + UUID.randomUUID().toString().substring(0, 8);
        ThreadContext.put("page", "/checkout");
        ThreadContext.put("order_id", order);
        return order;
    }

    private Action pick() {
        int total = 0;
        for (Action action : Action.values()) {
            total += action.weight;
        }
        int roll = random.nextInt(total);
        for (Action action : Action.values()) {
            roll -= action.weight;
            if (roll < 0) {
                return action;
            }
        }
        throw new AssertionError();
    }

    /** Events logged so far. */
    public long logged() {
        return logged.sum();
    }

    /** Events logged so far for one action. */
    public long logged(Action action) {
        return counts.get(action).sum();
    }

    /** The exception a declined payment throws. */
    public static final class PaymentDeclined extends RuntimeException {
        PaymentDeclined(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs the shop on its own: {@code WebShop [eventsPerSecond] [seconds]}. The stream and endpoint come from
     * {@code log4j2.xml}: the environment variables KINLOG_STREAM, AWS_REGION and KINLOG_ENDPOINT.
     */
    public static void main(String[] args) {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        System.out.println("Web shop: logging about " + rate + " events/s for " + seconds + " s...");
        WebShop shop = new WebShop(System.nanoTime());
        shop.run(rate, Duration.ofSeconds(seconds));
        // Stopping Log4j2 sends what the appender still holds.
        LogManager.shutdown();
        System.out.println("Web shop: logged " + shop.logged() + " events");
    }
}
