package io.vidlog.mediaworker.process;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StderrTailTest {

    @Test
    void theReasonIsTheLastLineThatSaysWhatWentWrong() {
        StderrTail tail = new StderrTail();
        tail.add("[h264 @ 0x55d0c8a1b2c0] Invalid NAL unit size (1270 > 1018).");
        tail.add("[vist#0:0/h264 @ 0x55d0c8a2f4c0] Error submitting packet to decoder: Invalid data found when "
                + "processing input");
        tail.add("Conversion failed!");
        tail.add("");

        ProcessResult result = new ProcessResult(187, tail);

        assertThat(result.failureReason("ffmpeg")).isEqualTo("ffmpeg exited with code 187: [vist#0:0/h264] Error "
                + "submitting packet to decoder: Invalid data found when processing input");
    }

    @Test
    void aSilentFailureSaysSo() {
        assertThat(new ProcessResult(1, new StderrTail()).failureReason("ffmpeg"))
                .isEqualTo("ffmpeg exited with code 1: no error output");
    }

    @Test
    void onlyTheLastLinesAreKeptAndEachIsCut() {
        StderrTail tail = new StderrTail();
        for (int i = 0; i < 1000; i++) {
            tail.add("warning " + i);
        }
        tail.add("x".repeat(10_000));

        assertThat(tail.lines()).hasSize(StderrTail.MAX_LINES).startsWith("warning " + (1001 - StderrTail.MAX_LINES));
        assertThat(tail.lastMeaningfulLine()).hasSize(StderrTail.MAX_LINE_LENGTH + 1).endsWith("…");
    }

    @Test
    void aSuccessHasNoReasonToAskFor() {
        assertThat(new ProcessResult(0, new StderrTail()).succeeded()).isTrue();
        assertThat(new ProcessResult(255, new StderrTail()).succeeded()).isFalse();
    }
}
