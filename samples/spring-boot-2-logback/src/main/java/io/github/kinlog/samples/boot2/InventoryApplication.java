package io.github.kinlog.samples.boot2;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Spring Boot 2.7 application that starts, logs one line of its own, and ends; Kinlog sends every line. */
@SpringBootApplication
public class InventoryApplication {
    static final String COUNTED = "inventory counted";
    private static final Logger LOG = LoggerFactory.getLogger(InventoryApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(InventoryApplication.class, args).close();
    }

    @Bean
    CommandLineRunner countInventory() {
        return args -> {
            MDC.put("warehouse", "north");
            try {
                LOG.info(COUNTED);
            } finally {
                MDC.remove("warehouse");
            }
        };
    }
}
