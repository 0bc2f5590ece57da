package io.vidlog.localstack;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Each service of the local stack is a real process that stores what it is given and returns it. */
class LocalStackIT {

    private static LocalStack.Lease stack;
    private static Map<String, Object> props;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.acquire(LocalStackSettings.from(System::getProperty), Set.copyOf(LocalStack.SERVICES));
        props = stack.properties();
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void postgresStoresAndReturnsRowsDurably() throws Exception {
        try (Connection connection = DriverManager.getConnection((String) props.get("spring.datasource.url"),
                (String) props.get("spring.datasource.username"), (String) props.get("spring.datasource.password"));
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists round_trip (id text primary key, payload bytea)");
            String id = UUID.randomUUID().toString();
            statement.execute("insert into round_trip values ('" + id + "', 'hello'::bytea)");
            try (ResultSet rows = statement.executeQuery("select convert_from(payload, 'UTF8'), version() from round_trip where id = '" + id + "'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("hello");
                assertThat(rows.getString(2)).startsWith("PostgreSQL 17");
            }
            for (String durability : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet setting = statement.executeQuery("show " + durability)) {
                    assertThat(setting.next()).isTrue();
                    assertThat(setting.getString(1)).as(durability).isEqualTo("on");
                }
            }
        }
    }

    @Test
    void kafkaDeliversAProducedRecordToAConsumer() throws Exception {
        String bootstrap = (String) props.get("spring.kafka.bootstrap-servers");
        String topic = "round-trip-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "value")).get(30, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "round-trip",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            assertThat(received).extracting(ConsumerRecord::value).containsExactly("value");
        }
    }

    @Test
    void redisStoresAndReturnsAValue() {
        try (Jedis jedis = new Jedis((String) props.get("spring.data.redis.host"), (Integer) props.get("spring.data.redis.port"))) {
            jedis.set("round-trip", "value");
            assertThat(jedis.get("round-trip")).isEqualTo("value");
            assertThat(jedis.configGet("appendonly")).containsEntry("appendonly", "yes");
        }
    }

    @Test
    void elasticsearchIndexesAndFindsADocument() throws Exception {
        String uri = (String) props.get("spring.elasticsearch.uris");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> indexed = http.send(HttpRequest.newBuilder(URI.create(uri + "/round-trip/_doc/1?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"부산 맛집 여행\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(indexed.statusCode()).isIn(200, 201);
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(uri + "/round-trip/_search?q=title:여행".replace("여행", "%EC%97%AC%ED%96%89")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("부산 맛집 여행");
    }

    /** Vidlog's analysis plugin is installed: the chain its text fields use yields real Korean and English tokens. */
    @Test
    void elasticsearchAnalysesKoreanAndEnglishWithVidlogsPlugin() throws Exception {
        String textFilters = """
                ["vidlog_nori_part_of_speech", "vidlog_nori_readingform", "vidlog_lowercase", "vidlog_english_stem"]""";
        assertThat(analyse("""
                {"tokenizer": "vidlog_nori", "filter": %s, "text": "여행을 떠나요"}""".formatted(textFilters)))
                .contains("여행", "떠나")
                .doesNotContain("여행을", "을");
        assertThat(analyse("""
                {"tokenizer": {"type": "vidlog_nori", "decompound_mode": "mixed"}, "filter": %s,
                 "text": "Travelling Vlogs"}""".formatted(textFilters)))
                .containsExactly("travel", "vlog");
    }

    /** This distribution has no {@code keyword} tokenizer; {@code standard} keeps a Hangul word whole as well. */
    @Test
    void elasticsearchCutsNGramsWithVidlogsPlugin() throws Exception {
        assertThat(analyse("""
                {"tokenizer": "standard", "filter": ["vidlog_edge_ngram"], "text": "캠핑"}"""))
                .containsExactly("캠", "캠핑");
        assertThat(analyse("""
                {"tokenizer": "vidlog_ngram", "text": "여행브이로그"}"""))
                .containsExactly("여행", "행브", "브이", "이로", "로그");
        // Settings given inline reach the filter.
        assertThat(analyse("""
                {"tokenizer": "standard", "filter": [{"type": "vidlog_edge_ngram", "max_gram": 2}], "text": "여행브이로그"}"""))
                .containsExactly("여", "여행");
    }

    /** The tokens {@code POST /_analyze} returns for {@code request}: an inline analyzer and a text. */
    private static List<String> analyse(String request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(props.get("spring.elasticsearch.uris") + "/_analyze"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.tokens[*].token");
    }

    @Test
    void s3StoresAndReturnsAnObject() {
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create((String) props.get("vidlog.s3.endpoint")))
                .region(Region.of((String) props.get("vidlog.s3.region")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .forcePathStyle(true)
                .build()) {
            String bucket = (String) props.get("vidlog.s3.bucket");
            s3.putObject(request -> request.bucket(bucket).key("round-trip.txt"), RequestBody.fromString("payload"));
            assertThat(s3.getObjectAsBytes(request -> request.bucket(bucket).key("round-trip.txt")).asUtf8String())
                    .isEqualTo("payload");
        }
    }

    @Test
    void ffmpegEncodesAClipThatFfprobeReads(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path clip = dir.resolve("clip.mp4");
        run(List.of((String) props.get("vidlog.ffmpeg.path"), "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", clip.toString()));
        String duration = run(List.of((String) props.get("vidlog.ffprobe.path"), "-v", "error", "-show_entries", "format=duration",
                "-of", "default=noprint_wrappers=1:nokey=1", clip.toString()));
        assertThat(Double.parseDouble(duration.trim())).isBetween(1.9, 2.1);
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
