package io.vidlog.app.security;

/**
 * The character rules of Spring Security's {@code StrictHttpFirewall} for header names, header values and parameter
 * names — every code point assigned in Unicode and none a control character (a tab allowed in header values) —
 * checked code point by code point instead of with its regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}), with a shortcut for printable ASCII.
 */
final class HeaderText {

    private HeaderText() {
    }

    static boolean isAssignedAndNotControl(String text) {
        return check(text, false);
    }

    static boolean isAssignedAndNotControlExceptTab(String text) {
        return check(text, true);
    }

    private static boolean check(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean printableAscii = codePoint >= ' ' && codePoint < 0x7F;
            if (!printableAscii && !(tabAllowed && codePoint == '\t')) {
                int type = Character.getType(codePoint);
                if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                    return false;
                }
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
