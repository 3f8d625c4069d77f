package io.github.kinlog.common.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sender works on Kinlog's own records and answers: the AWS SDK's types and error classification stay in the
 * transports ({@link SdkPutRecords}, {@link ErrorClassifier}, the client transports, {@link KinesisTransports}).
 */
class SdkFreeSenderTest {
    private static final List<Class<?>> SDK_FREE = List.of(
            KinesisSender.class,
            SendLoop.class,
            WaitingRecords.class,
            RecordBuffer.class,
            OutboundRecord.class,
            DeliveryGate.class,
            FlushBarrier.class,
            SenderReports.class,
            SenderWakeup.class,
            SenderClock.class,
            RetryPolicy.class,
            KinesisTransport.class,
            KinesisRecord.class,
            PutAnswer.class,
            RecordOutcome.class);

    @Test
    void theSenderNamesNoAwsSdkType() throws IOException, URISyntaxException {
        for (Class<?> type : SDK_FREE) {
            for (Path file : classFiles(type)) {
                String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(constants).as(file.getFileName().toString()).doesNotContain("software/amazon");
            }
        }
    }

    @Test
    void theCheckSeesTheSdkWhereItIs() throws IOException, URISyntaxException {
        String constants;
        try (InputStream in = SdkPutRecords.class.getResourceAsStream("SdkPutRecords.class")) {
            constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        assertThat(constants).contains("software/amazon/awssdk/services/kinesis/model/PutRecordsRequest");
    }

    /** The class and its nested and anonymous classes. */
    private static List<Path> classFiles(Class<?> type) throws IOException, URISyntaxException {
        Path file = Path.of(type.getResource(type.getSimpleName() + ".class").toURI());
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            List<Path> files = siblings.filter(path -> {
                        String name = path.getFileName().toString();
                        return name.equals(type.getSimpleName() + ".class")
                                || name.startsWith(type.getSimpleName() + "$");
                    })
                    .toList();
            assertThat(files).contains(file);
            return files;
        }
    }
}
