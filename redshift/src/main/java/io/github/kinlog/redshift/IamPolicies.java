package io.github.kinlog.redshift;

import java.util.ArrayList;
import java.util.List;

/**
 * The least-privilege IAM policies around the stream: what the logging application needs to write, and what the
 * role Redshift assumes needs to read, with the trust policy that lets Redshift assume it.
 */
final class IamPolicies {
    private static final String VERSION = "2012-10-17";

    private final RedshiftSetup setup;

    IamPolicies(RedshiftSetup setup) {
        this.setup = setup;
    }

    /** PutRecords on the one stream; on a stream encrypted with a customer-managed key, data keys from that key. */
    String producer() {
        List<Json> statements = new ArrayList<>();
        statements.add(statement("KinlogPutRecords", List.of("kinesis:PutRecords"), streamArn()));
        if (setup.kmsKeyArn() != null) {
            statements.add(statement("KinlogEncryptRecords", List.of("kms:GenerateDataKey"), setup.kmsKeyArn()));
        }
        return policy(statements);
    }

    /** What streaming ingestion reads: the stream's shards and records, the list of streams, and the key. */
    String redshiftRole() {
        List<Json> statements = new ArrayList<>();
        statements.add(statement(
                "KinlogReadStream",
                List.of(
                        "kinesis:DescribeStreamSummary",
                        "kinesis:DescribeStream",
                        "kinesis:ListShards",
                        "kinesis:GetShardIterator",
                        "kinesis:GetRecords"),
                streamArn()));
        statements.add(statement("KinlogListStreams", List.of("kinesis:ListStreams"), "*"));
        if (setup.kmsKeyArn() != null) {
            statements.add(statement("KinlogDecryptRecords", List.of("kms:Decrypt"), setup.kmsKeyArn()));
        }
        return policy(statements);
    }

    /** Lets Redshift (provisioned or Serverless) assume the role. */
    String redshiftTrust() {
        return trust(List.of("redshift.amazonaws.com", "redshift-serverless.amazonaws.com"));
    }

    /** Lets EventBridge assume the role that runs the scheduled load. */
    String eventBridgeTrust() {
        return trust(List.of("events.amazonaws.com"));
    }

    private static String trust(List<String> services) {
        return policy(List.of(Json.object(List.of(
                Json.entry("Effect", "Allow"),
                Json.entry("Principal", Json.object(List.of(Json.entry("Service", Json.strings(services))))),
                Json.entry("Action", "sts:AssumeRole")))));
    }

    private String streamArn() {
        return "arn:" + setup.partition() + ":kinesis:" + orAny(setup.region()) + ":" + orAny(setup.accountId())
                + ":stream/" + setup.streamName();
    }

    private static String orAny(String value) {
        return value == null ? "*" : value;
    }

    private static Json statement(String sid, List<String> actions, String resource) {
        return Json.object(List.of(
                Json.entry("Sid", sid),
                Json.entry("Effect", "Allow"),
                Json.entry("Action", Json.strings(actions)),
                Json.entry("Resource", resource)));
    }

    private static String policy(List<Json> statements) {
        return Json.object(List.of(Json.entry("Version", VERSION), Json.entry("Statement", Json.array(statements))))
                .document();
    }
}
