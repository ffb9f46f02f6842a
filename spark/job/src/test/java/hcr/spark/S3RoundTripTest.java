package hcr.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object storage end to end: pictures uploaded to a bucket of an S3 server started here (s3proxy
 * with its file-system backend, a child JVM on 127.0.0.1), scored from {@code s3a://}, the CSVs
 * written back to the bucket and read from it: the same bytes as {@code hcr infer} on the local tree.
 */
class S3RoundTripTest {
    private static final String BUCKET = "pictures";

    @TempDir
    static Path work;
    static Process server;
    static FileSystem s3;

    @BeforeAll
    static void startS3() throws Exception {
        Path jar = Path.of(System.getProperty("hcr.s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        assumeTrue(Files.isRegularFile(jar), "s3proxy jar not found at " + jar + " (the build copies it there)");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path store = Files.createDirectories(work.resolve("store/" + BUCKET)).getParent();
        Path properties = work.resolve("s3proxy.properties");
        Files.write(properties, List.of(
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=hcr",
                "s3proxy.credential=hcr-secret",
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + store));
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("s3proxy.log").toFile()).start();
        awaitPort(port);

        Configuration conf = LocalSpark.session().sparkContext().hadoopConfiguration();
        conf.set("fs.s3a.endpoint", "http://127.0.0.1:" + port);
        conf.set("fs.s3a.endpoint.region", "us-east-1");
        conf.set("fs.s3a.path.style.access", "true");
        conf.set("fs.s3a.connection.ssl.enabled", "false");
        conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        conf.set("fs.s3a.access.key", "hcr");
        conf.set("fs.s3a.secret.key", "hcr-secret");
        conf.set("fs.s3a.connection.expect.continue", "false");
        s3 = FileSystem.get(URI.create("s3a://" + BUCKET + "/"), conf);
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void picturesReadFromABucketGiveInfersFilesWrittenBackToTheBucket() throws IOException {
        // S3 keys may hold any character, but this server stores them as file names: no newline here.
        Path tree = PictureTrees.awkward(work.resolve("tree"), false, 30);
        Path expected = InferReference.write(tree, true, 1, "alnum", Files.createDirectory(work.resolve("infer")));
        s3.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(tree.toUri()),
                new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/scans"));

        JobOptions local = InferReference.job("s3a://" + BUCKET + "/scans/", "s3a://" + BUCKET + "/out", true, 1, "alnum", 25);
        JobOptions options = new JobOptions(local.input(), local.output(), local.model(), true, tree.toString(),
                local.pictures(), local.maxFileBytes(), local.scoring());
        JobSummary summary = ScoringJob.run(LocalSpark.session(), options);

        Path back = Files.createDirectory(work.resolve("back"));
        for (String name : new String[] {ResultFiles.PREDICTIONS, ResultFiles.ERRORS}) {
            try (InputStream in = s3.open(new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/out/" + name))) {
                Files.write(back.resolve(name), in.readAllBytes());
            }
        }
        SameAsInferTest.assertSameFiles(expected, back);
        assertThat(summary.failed()).isEqualTo(4);
        assertThat(s3.listStatus(new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/out")))
                .extracting(s -> s.getPath().getName())
                .containsExactlyInAnyOrder(ResultFiles.PREDICTIONS, ResultFiles.ERRORS); // no parts left
    }

    private static void awaitPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("s3proxy exited: " + Files.readString(work.resolve("s3proxy.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("s3proxy did not listen on port " + port + " within 60 s");
    }
}
