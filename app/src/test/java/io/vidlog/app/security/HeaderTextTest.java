package io.vidlog.app.security;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderTextTest {

    /** StrictHttpFirewall's own expressions, which HeaderText must agree with. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    /** Code points around every edge the rules have: controls, DEL, C1 controls, unassigned, surrogates, astral. */
    private static final int[][] RANGES = {{0, 0x20}, {0x20, 0x7F}, {0x7F, 0xA1}, {0x370, 0x380}, {0xAC00, 0xAC10},
            {0xD7FF, 0xE001}, {0xFFF0, 0x10000}, {0x1F600, 0x1F610}, {0xE0000, 0xE0080}, {0x10FFF0, 0x110000}};

    @Test
    void agreesWithTheFirewallsExpressionsOnRandomText() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                int[] range = random.nextInt(3) == 0 ? RANGES[random.nextInt(RANGES.length)] : RANGES[1];
                text.appendCodePoint(random.nextInt(range[0], range[1]));
            }
            String sample = text.toString();
            assertThat(HeaderText.isAssignedAndNotControl(sample)).as("name %s", sample.codePoints().toArray())
                    .isEqualTo(NAME.matcher(sample).matches());
            assertThat(HeaderText.isAssignedAndNotControlExceptTab(sample)).as("value %s", sample.codePoints().toArray())
                    .isEqualTo(VALUE.matcher(sample).matches());
        }
    }

    @Test
    void bearerTokensAndKoreanTextPassControlsDoNot() {
        assertThat(HeaderText.isAssignedAndNotControlExceptTab("Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig-_~+/=")).isTrue();
        assertThat(HeaderText.isAssignedAndNotControlExceptTab("제주 여행\t😀")).isTrue();
        assertThat(HeaderText.isAssignedAndNotControl("a\tb")).isFalse();
        assertThat(HeaderText.isAssignedAndNotControlExceptTab("a\r\nb")).isFalse();
        assertThat(HeaderText.isAssignedAndNotControlExceptTab("a\u0085b")).isFalse();
        assertThat(HeaderText.isAssignedAndNotControlExceptTab("a\u0378b")).isFalse();
    }
}
