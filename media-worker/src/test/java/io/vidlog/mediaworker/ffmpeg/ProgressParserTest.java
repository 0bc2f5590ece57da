package io.vidlog.mediaworker.ffmpeg;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressParserTest {

    private final ProgressParser parser = new ProgressParser(8.0);

    @Test
    void thePositionIsAPercentOfTheDuration() {
        assertThat(parser.percent("out_time_us=2000000")).hasValue(25);
        assertThat(parser.percent("out_time_us=2079999")).hasValue(25);
    }

    @Test
    void outTimeMsIsInMicrosecondsToo() {
        assertThat(parser.percent("out_time_ms=4000000")).hasValue(50);
    }

    @Test
    void otherLinesAndUnknownPositionsSayNothing() {
        List<String> lines = List.of("frame=12", "fps=0.00", "out_time=00:00:00.400000", "out_time_us=N/A",
                "out_time_us=-9223372036854775807", "progress=continue", "", "speed=1.43x");

        assertThat(lines).allSatisfy(line -> assertThat(parser.percent(line)).isEqualTo(OptionalInt.empty()));
    }

    @Test
    void theEndIsNinetyNinePercentUntilTheUploadIsDone() {
        assertThat(parser.percent("out_time_us=8000000")).hasValue(99);
        assertThat(parser.percent("out_time_us=8400000")).hasValue(99);
    }
}
