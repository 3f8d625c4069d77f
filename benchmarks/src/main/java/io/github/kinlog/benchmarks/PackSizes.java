package io.github.kinlog.benchmarks;

import io.github.kinlog.benchmarks.sink.PutRecordsSink;
import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.send.KinesisRecord;
import io.github.kinlog.common.send.KinesisTransport;
import io.github.kinlog.common.send.KinesisTransports;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the size of a packed record changes in the sender's cost: the same 200,000 bytes of records per PutRecords
 * request, as 500 single events or as packs of 5,000, 25,000 or 100,000 bytes, sent back to back through Kinlog's
 * own transport (the SDK client as configured by default) to the local sink, which runs in a JVM of its own, as does
 * each size. Prints the CPU per request after a warm-up, with the PUT payload units the records would cost.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.github.kinlog.benchmarks.PackSizes [seconds]}
 */
public final class PackSizes {
    private static final int REQUEST_BYTES = 200_000;
    private static final int[] RECORD_BYTES = {400, 5_000, 25_000, 100_000};
    private static final String RESULT = "RESULT";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        if (args.length > 2) {
            measure(Integer.parseInt(args[1]), Integer.parseInt(args[2]), seconds);
            return;
        }
        try (ChildJvm sink = ChildJvm.start(PutRecordsSink.class, List.of("-Xmx512m"), "0", "0", "0")) {
            String port = sink.awaitLine("sink listening on");
            System.out.println("| record bytes | records per request | CPU µs per request | PUT units per MB |");
            System.out.println("| --- | --- | --- | --- |");
            for (int bytes : RECORD_BYTES) {
                try (ChildJvm run = ChildJvm.start(
                        PackSizes.class,
                        List.of("-Xms512m", "-Xmx512m"),
                        Integer.toString(seconds),
                        port,
                        Integer.toString(bytes))) {
                    String micros = run.awaitLine(RESULT);
                    int records = REQUEST_BYTES / bytes;
                    // A 25 KiB unit per started 25 KiB of each record (data and a 16-byte key).
                    long unitsPerRecord = (bytes + 16 + 25 * 1024 - 1) / (25 * 1024);
                    System.out.printf(
                            "| %,d | %d | %s | %.0f |%n",
                            bytes, records, micros, 1e6 / (bytes + 16.0) * unitsPerRecord);
                }
            }
        }
    }

    /** In a JVM of its own: requests back to back for {@code seconds} to warm up, then as long again, measured. */
    private static void measure(int port, int recordBytes, int seconds) throws Exception {
        System.setProperty("aws.accessKeyId", "bench");
        System.setProperty("aws.secretAccessKey", "bench");
        KinlogConfig config = KinlogConfig.builder()
                .streamName("bench")
                .region("us-east-1")
                .endpoint("http://127.0.0.1:" + port)
                .jmx(false)
                .build();
        List<KinesisRecord> records = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < REQUEST_BYTES / recordBytes; i++) {
            byte[] data = new byte[recordBytes];
            for (int j = 0; j < data.length; j++) {
                data[j] = (byte) ('a' + random.nextInt(26));
            }
            String key = Long.toHexString(random.nextLong());
            records.add(new KinesisRecord() {
                @Override
                public byte[] data() {
                    return data;
                }

                @Override
                public String partitionKey() {
                    return key;
                }
            });
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (KinesisTransport transport = KinesisTransports.create(config.clientSettings())) {
            double micros = 0;
            for (int phase = 0; phase < 2; phase++) {
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                int requests = 0;
                while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                    if (transport.putRecords("bench", records).get().requestFailed()) {
                        throw new IllegalStateException("the sink refused a request");
                    }
                    requests++;
                }
                micros = (os.getProcessCpuTime() - cpu) / 1000.0 / requests;
            }
            System.out.println(RESULT + " " + String.format("%,.0f", micros));
            System.out.flush();
        }
        System.exit(0);
    }

    private PackSizes() {}
}
