package io.github.kinlog.docscheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every command the documentation gives, by its exact text, and how the check treats it. A command written anywhere
 * that is not here fails the check, so a new or changed command is classified, and then run, as written.
 */
final class DocumentedCommands {
    private static final String THIS_BUILD = "this is the build that runs the check";
    private static final String SAME_UNIT_TESTS = "the same unit tests run in this build";

    /** The documents, in the order a newcomer reads them: the README, the samples' READMEs, CONTRIBUTING.md. */
    static List<Path> documents(Path root) throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(root.resolve("README.md"));
        documents.add(root.resolve("samples/README.md"));
        try (Stream<Path> samples = Files.list(root.resolve("samples"))) {
            samples.map(sample -> sample.resolve("README.md"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .forEach(documents::add);
        }
        documents.add(root.resolve("CONTRIBUTING.md"));
        return documents;
    }

    static final Map<String, Way> KNOWN = new LinkedHashMap<>();

    static {
        // README.md
        KNOWN.put("./demo.sh", Way.run("OK: every event logged is queryable exactly once."));
        KNOWN.put("mvn verify", Way.skip(THIS_BUILD));
        KNOWN.put("mvn install -DskipTests", Way.run("BUILD SUCCESS"));
        KNOWN.put("./local-kinesis.sh > records.jsonl", Way.start("Ctrl-C stops.", 4567));
        KNOWN.put("""
                cd samples/spring-boot-logback
                KINLOG_ENDPOINT=http://localhost:4567 AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test mvn spring-boot:run""", Way.start("Started ShopApplication in", 8080));
        KNOWN.put("cd samples/spring-boot-logback && mvn -q exec:java", Way.run("requests answered, 0 failed"));
        KNOWN.put(
                "java -jar redshift/target/kinlog-redshift-0.1.0-SNAPSHOT.jar check records.jsonl",
                Way.run("ingestible, 0 not"));
        KNOWN.put("""
                mvn dependency:copy -Dartifact=io.github.kinlog:kinlog-redshift:0.1.0-SNAPSHOT -DoutputDirectory=.
                java -jar kinlog-redshift-0.1.0-SNAPSHOT.jar generate --help
                java -jar kinlog-redshift-0.1.0-SNAPSHOT.jar generate --stream app-logs --promote 'mdc.user_id:varchar(64)' --retention-days 30 --out kinlog-redshift""", Way.run("wrote kinlog-redshift/02-events-table.sql"));
        KNOWN.put(
                """
                REGION=us-east-1
                ACCOUNT=$(aws sts get-caller-identity --query Account --output text)
                # The Data API runs statements in the background: wait for one to finish, or show why it failed.
                finished() {
                  while :; do
                    case $(aws redshift-data describe-statement --region $REGION --id $1 --query Status --output text) in
                      FINISHED) return 0 ;;
                      FAILED|ABORTED) aws redshift-data describe-statement --region $REGION --id $1 --query Error --output text
                                      return 1 ;;
                    esac
                    sleep 2
                  done
                }

                # 1. The stream, on-demand: no shards to size.
                aws kinesis create-stream --region $REGION --stream-name app-logs \\
                  --stream-mode-details StreamMode=ON_DEMAND

                # 2. The generated files for this stream and account, keeping 30 days of events.
                java -jar kinlog-redshift-0.1.0-SNAPSHOT.jar generate --stream app-logs --region $REGION --account-id $ACCOUNT \\
                  --retention-days 30 --out kinlog-redshift

                # 3. The role Redshift assumes to read the stream.
                aws iam create-role --role-name kinlog-redshift-streaming \\
                  --assume-role-policy-document file://kinlog-redshift/redshift-trust-policy.json
                aws iam put-role-policy --role-name kinlog-redshift-streaming --policy-name read-app-logs \\
                  --policy-document file://kinlog-redshift/redshift-role-policy.json
                aws iam wait role-exists --role-name kinlog-redshift-streaming
                ROLE=arn:aws:iam::$ACCOUNT:role/kinlog-redshift-streaming

                # 4. Redshift Serverless, with that role as the default and an admin password kept in Secrets Manager.
                aws redshift-serverless create-namespace --region $REGION --namespace-name kinlog \\
                  --admin-username admin --manage-admin-password --iam-roles $ROLE --default-iam-role-arn $ROLE
                aws redshift-serverless create-workgroup --region $REGION --workgroup-name kinlog \\
                  --namespace-name kinlog --base-capacity 8
                until [ "$(aws redshift-serverless get-workgroup --region $REGION --workgroup-name kinlog \\
                  --query workgroup.status --output text)" = AVAILABLE ]; do sleep 10; done
                SECRET=$(aws redshift-serverless get-namespace --region $REGION --namespace-name kinlog \\
                  --query namespace.adminPasswordSecretArn --output text)

                # 5. The streaming view, the events table, the load and the live view, in one transaction (Data API).
                ID=$(aws redshift-data batch-execute-statement --region $REGION --workgroup-name kinlog --database dev \\
                  --secret-arn $SECRET --cli-input-json file://kinlog-redshift/redshift-data-statements.json --query Id --output text)
                finished $ID

                # 6. The load, every minute: an EventBridge rule, and a role that may only run it.
                AWS_REGION=$REGION kinlog-redshift/eventbridge-schedule.sh $SECRET

                # 7. Let the application write: attach kinlog-redshift/producer-policy.json to its role, configure the
                #    appender with streamName app-logs, and log. Then a dashboard query, on the last hour:
                ID=$(aws redshift-data execute-statement --region $REGION --workgroup-name kinlog --database dev \\
                  --secret-arn $SECRET --query Id --output text \\
                  --sql "SELECT level, COUNT(*) FROM kinlog_events_live WHERE ts > GETDATE() - INTERVAL '1 hour' GROUP BY level")
                finished $ID && aws redshift-data get-statement-result --region $REGION --id $ID""",
                Way.skip("needs an AWS account; its generator step is the one run just before, with other options"));
        KNOWN.put("""
                aws events remove-targets --region $REGION --rule kinlog-load --ids kinlog-load
                aws events delete-rule --region $REGION --name kinlog-load
                aws iam delete-role-policy --role-name kinlog-load-scheduler --policy-name kinlog-load
                aws iam delete-role --role-name kinlog-load-scheduler
                aws redshift-serverless delete-workgroup --region $REGION --workgroup-name kinlog
                until ! aws redshift-serverless get-workgroup --region $REGION --workgroup-name kinlog >/dev/null 2>&1; do sleep 10; done
                aws redshift-serverless delete-namespace --region $REGION --namespace-name kinlog
                aws iam delete-role-policy --role-name kinlog-redshift-streaming --policy-name read-app-logs
                aws iam delete-role --role-name kinlog-redshift-streaming
                aws kinesis delete-stream --region $REGION --stream-name app-logs""", Way.skip("needs an AWS account: removes what the walkthrough above created"));
        KNOWN.put("mvn spotless:apply", Way.skip("rewrites files; the same formatter checks every file in this build"));
        KNOWN.put("mvn verify -DskipITs", Way.skip(SAME_UNIT_TESTS));
        KNOWN.put(
                "mvn test -pl common -am -Dtest=OptionsTest -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dkinlog.readme.update=true",
                Way.skip("rewrites the README's reference table; OptionsTest checks the same table in this build"));
        KNOWN.put(
                "JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn verify",
                Way.skip("this build again on Java 25, twelve minutes; its compatibility suite runs on 25 here"));
        KNOWN.put("mvn verify -pl test-support -Dit.test=KinesisEndpointIT", Way.run("BUILD SUCCESS"));
        KNOWN.put("release/dry-run.sh", Way.skip("a release rehearsal: a whole second build, minutes long"));
        // samples/README.md
        KNOWN.put("""
                cd samples/log4j2-webshop
                KINLOG_ENDPOINT=http://localhost:4567 AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test mvn -q exec:java -Dexec.args="20 10\"""", Way.run("Web shop: logged"));
        KNOWN.put("""
                cd samples/spring-boot-2-logback
                KINLOG_ENDPOINT=http://localhost:4567 AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test mvn -q spring-boot:run""", Way.run("Started InventoryApplication in"));
        KNOWN.put("cd samples/bom-consumer && mvn -q verify", Way.run(""));
        // CONTRIBUTING.md
        KNOWN.put(
                "mvn verify -pl logback-kinesis -Dit.test=KinesisAppenderIT",
                Way.skip("the form of the README's mvn verify -pl test-support -Dit.test=KinesisEndpointIT, which"
                        + " runs; this one adds a minute of tests this build runs"));
        KNOWN.put(
                "./local-kinesis.sh",
                Way.skip(
                        "the README's ./local-kinesis.sh > records.jsonl, which runs, is the same with its output kept;"
                                + " a second one would need port 4567"));
        KNOWN.put(
                "mvn verify -Pcompat-matrix -pl compatibility -am -Dit.test=CompatibilityIT"
                        + " -Dfailsafe.failIfNoSpecifiedTests=false",
                Way.skip("the whole version matrix; its oldest and newest versions run in this build"));
        KNOWN.put(
                "mvn verify -Psoak -pl reliability -am -Dit.test=SoakIT -Dfailsafe.failIfNoSpecifiedTests=false",
                Way.skip("the ten-minute soak, opt-in by design"));
        KNOWN.put(
                """
                mvn -pl benchmarks -am package -DskipTests
                java -cp benchmarks/target/benchmarks.jar io.github.kinlog.benchmarks.PeerComparison docs/benchmarks.md""",
                Way.skip("a 15-minute measurement that rewrites docs/benchmarks.md; this build builds the benchmarks"));
        KNOWN.put(
                """
                mvn -pl benchmarks -am package -DskipTests
                java -cp benchmarks/target/benchmarks.jar io.github.kinlog.benchmarks.WarehouseBenchmark docs/warehouse.md""",
                Way.skip("a 45-minute measurement that rewrites docs/warehouse.md; this build builds the benchmarks"));
        KNOWN.put("""
                mvn -pl samples/local-warehouse -am test -Dtest=LoaderTest -Dsurefire.failIfNoSpecifiedTests=false \\
                  -Dkinlog.warehouse.postgres='jdbc:postgresql://localhost/kinlog_test?user=postgres&password=postgres'""", Way.skip("needs a PostgreSQL server; the same tests run on DuckDB in this build"));
        KNOWN.put("""
                release/dry-run.sh                 # builds the bundle unsigned, then checks it
                release/dry-run.sh --sign          # the same, signed with your default GPG key
                release/dry-run.sh --offline       # from the local repository alone, after one run without it""", Way.skip("release rehearsals: whole second builds, one needing a GPG key"));
    }

    private DocumentedCommands() {}

    /** How the command is treated; null when it is not known. */
    static Way wayOf(String command) {
        return KNOWN.get(command);
    }
}
